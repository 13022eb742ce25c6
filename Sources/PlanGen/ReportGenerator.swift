import PlancKit
