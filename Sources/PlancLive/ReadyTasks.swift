import PlancKit

/// Which tasks can be claimed now: pending, held by nobody, their phase's
/// dependencies done, and assigned to the asking agent or to nobody. In plan
/// order when a plan is given (the agent's own tasks first), else by ID.
public enum ReadyTasks {
    public struct Candidate: Sendable, Hashable {
        public var id: String
        public var assignee: String?
    }

    public static func candidates(plan: Plan?, live: [String: TaskEntry], agent: String?, now: Double) -> [Candidate] {
        guard let plan else {
            return live.values.filter { isOpen($0, now: now) && (agent == nil || $0.assignee == nil || $0.assignee == agent) }
                .map { Candidate(id: $0.task, assignee: $0.assignee) }.sorted { $0.id < $1.id }
        }
        let blockedPhases = Set(plan.phases.compactMap { phase in waiting(phase, plan: plan, live: live) ? phase.number : nil })
        var phaseOf: [String: Int] = [:]
        for phase in plan.phases {
            guard let number = phase.number else { continue }
            for id in DriftAnalyzer.taskIDs(of: phase, in: plan) where phaseOf[id] == nil { phaseOf[id] = number }
        }
        var result: [Candidate] = []
        for task in DriftAnalyzer.reportedTasks(plan) {
            guard let entry = live[task.id], isOpen(entry, now: now) else { continue }
            if let phase = phaseOf[task.id], blockedPhases.contains(phase) { continue }
            if let agent, let assignee = entry.assignee, assignee != agent { continue }
            result.append(Candidate(id: task.id, assignee: entry.assignee))
        }
        if let agent {
            // The agent's own tasks first, then unassigned ones, each in plan order.
            result = result.filter { $0.assignee == agent } + result.filter { $0.assignee == nil }
        }
        return result
    }

    /// Pending and held by nobody (or by a holder whose lease has passed).
    static func isOpen(_ entry: TaskEntry, now: Double) -> Bool {
        guard entry.status == Status.pending.rawValue || entry.status == Status.inProgress.rawValue else { return false }
        guard let holder = entry.agent, !holder.isEmpty else { return entry.status == Status.pending.rawValue }
        guard let lease = entry.leaseUntil, let until = Clock.seconds(lease) else { return false }
        return until < now
    }

    /// Whether a phase waits on a dependency that is not done: a phase whose
    /// tasks are not all done, a task not done, a service marked not ready.
    static func waiting(_ phase: Phase, plan: Plan, live: [String: TaskEntry]) -> Bool {
        for dependency in phase.dependencies {
            switch dependency.target {
            case .phase(let number)?:
                guard let other = plan.phases.first(where: { $0.number == number }) else { continue }
                let ids = DriftAnalyzer.taskIDs(of: other, in: plan)
                if ids.contains(where: { live[$0]?.status != Status.done.rawValue }) { return true }
            case .task(let id)?:
                if live[id]?.status != Status.done.rawValue { return true }
            case .service?, .external?:
                if let status = dependency.status?.status, status != .done, status != .running { return true }
            case nil:
                continue
            }
        }
        return false
    }
}
