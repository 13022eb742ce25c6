/// Groups a report's top-level blocks into sections, at whatever heading
/// level the report puts them.
///
/// - The first `#` heading before any section is the title.
/// - A heading whose words name a section (`SectionKeywords`) opens it, at
///   any level; the section runs to the next heading of its level or above.
/// - Inside a known section, the first deeper heading level is the level of
///   its items (agents, phases); a heading at that level that names another
///   kind of section (`### Tasks` under `## Active Agents`) opens that
///   section, and when it ends, the parent section goes on.
/// - Outside any known section, a heading that names a phase (`## Phase 1:`,
///   `## Batch 2`) opens a phase plan without a heading of its own.
/// - Other headings open a section planc keeps as written when they are at
///   level 2 or above (or at the level of the section they end).
struct SectionOutline {
    struct Group {
        var heading: Int?
        var kind: Section.Kind
        var level: Int
        var items: [PlanParser.TopItem] = []
        /// The heading level of the section's items, once one is seen.
        var itemLevel: Int?
        /// A section without a heading: a phase plan opened by a phase
        /// heading, or a known section going on after a nested one.
        var implicit = false
        /// A phase plan that a phase heading opened.
        var openedByPhase = false
        /// The group this one is nested in, if any.
        var parent: Int?
    }

    private(set) var groups: [Group] = [Group(heading: nil, kind: .extra, level: 0)]
    private var sawTitle = false
    private var sawSection = false

    mutating func add(_ item: PlanParser.TopItem) {
        groups[groups.count - 1].items.append(item)
    }

    mutating func heading(_ node: Int, level: Int, kind: Section.Kind, namesPhase: Bool, item: PlanParser.TopItem) {
        if level == 1 && !sawTitle && !sawSection {
            sawTitle = true
            groups.append(Group(heading: node, kind: .title, level: 1))
            return
        }
        var current = groups.count - 1
        while true {
            // The fields only: a copy of the group would share its items, and
            // the append below would then copy them all (quadratic in a
            // section of 100,000 agents).
            let group = (kind: groups[current].kind, level: groups[current].level,
                         openedByPhase: groups[current].openedByPhase, itemLevel: groups[current].itemLevel,
                         parent: groups[current].parent)
            guard group.kind != .extra && group.kind != .title else {
                if level <= max(group.level, 2) || kind != .extra || namesPhase {
                    return open(node, level: level, kind: kind, namesPhase: namesPhase, item: item)
                }
                return add(item, to: current)
            }
            if level <= group.level {
                // The section ends; a section it is nested in may go on.
                if let parent = group.parent, level > groups[parent].level {
                    current = parent
                    continue
                }
                return open(node, level: level, kind: kind, namesPhase: namesPhase, item: item)
            }
            if group.openedByPhase && level <= (group.itemLevel ?? level) && !namesPhase {
                // A phase plan opened by phase headings ends at a heading
                // that names no phase.
                return open(node, level: level, kind: kind, namesPhase: false, item: item)
            }
            if groups[current].itemLevel == nil { groups[current].itemLevel = level }
            if level <= groups[current].itemLevel ?? level && kind != .extra && kind != group.kind {
                sawSection = true
                var nested = Group(heading: node, kind: kind, level: level)
                nested.parent = current
                groups.append(nested)
                return
            }
            return add(item, to: current)
        }
    }

    /// Adds an item to a group; a group that is not the last goes on as a
    /// new group without a heading.
    private mutating func add(_ item: PlanParser.TopItem, to index: Int) {
        if index != groups.count - 1 {
            var group = groups[index]
            group.heading = nil
            group.items = []
            group.implicit = true
            group.openedByPhase = false
            groups.append(group)
        }
        add(item)
    }

    private mutating func open(_ node: Int, level: Int, kind: Section.Kind, namesPhase: Bool,
                               item: PlanParser.TopItem) {
        sawSection = true
        if namesPhase && kind == .extra {
            var group = Group(heading: nil, kind: .phases, level: level - 1)
            group.itemLevel = level
            group.implicit = true
            group.openedByPhase = true
            groups.append(group)
            add(item)
        } else {
            groups.append(Group(heading: node, kind: kind, level: level))
        }
    }
}
