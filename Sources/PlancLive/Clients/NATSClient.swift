import CNATS

#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to libnats: a connection to a NATS server (or
/// cluster) with its JetStream context, streams, key-value buckets and
/// publishing. Every C object it creates it destroys; no C pointer leaves.
/// Errors come back as `LiveError` with credentials redacted.
public final class NATSClient {
    private var connection: OpaquePointer?
    private var jetStream: OpaquePointer?
    private let redactor: Redactor
    private let timeoutMilliseconds: Int64
    /// Where the client connects, for messages.
    public let displayURLs: String

    public init(urls: [String], timeout: Double, redactor: Redactor) throws(LiveError) {
        self.redactor = redactor
        self.timeoutMilliseconds = Int64(max(timeout, 0.05) * 1000)
        self.displayURLs = urls.map(redactor.url).joined(separator: ",")
        var options: OpaquePointer?
        guard natsOptions_Create(&options) == NATS_OK, let options else {
            throw LiveError("NATS: out of memory creating connection options")
        }
        defer { natsOptions_Destroy(options) }
        var pointers = urls.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        var status = pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                natsOptions_SetServers(options, $0, Int32(buffer.count))
            }
        }
        if status == NATS_OK { status = natsOptions_SetTimeout(options, timeoutMilliseconds) }
        if status == NATS_OK { status = natsOptions_SetName(options, "planc") }
        // In a cluster, a lost server is replaced quickly by another URL.
        if status == NATS_OK { status = natsOptions_SetReconnectWait(options, 100) }
        if status == NATS_OK { status = natsOptions_SetMaxReconnect(options, 600) }
        if status == NATS_OK { status = natsOptions_SetReconnectBufSize(options, 8 * 1024 * 1024) }
        guard status == NATS_OK else { throw failure("NATS: invalid connection options", status) }
        var nc: OpaquePointer?
        status = natsConnection_Connect(&nc, options)
        guard status == NATS_OK, let nc else {
            throw failure("NATS at \(displayURLs) is unreachable", status)
        }
        connection = nc
        var jsOptions = jsOptions()
        jsOptions_Init(&jsOptions)
        jsOptions.Wait = timeoutMilliseconds
        var js: OpaquePointer?
        status = natsConnection_JetStream(&js, nc, &jsOptions)
        guard status == NATS_OK, let js else { throw failure("NATS: no JetStream context", status) }
        jetStream = js
    }

    deinit {
        if let jetStream { jsCtx_Destroy(jetStream) }
        if let connection {
            natsConnection_Close(connection)
            natsConnection_Destroy(connection)
        }
    }

    /// The error text libnats keeps for this thread, read at once, redacted.
    private func failure(_ what: String, _ status: natsStatus, code: jsErrCode = jsErrCode(0)) -> LiveError {
        var detail = ""
        if let last = nats_GetLastError(nil) { detail = String(cString: last) }
        if detail.isEmpty, let text = natsStatus_GetText(status) { detail = String(cString: text) }
        let codeText = code.rawValue != 0 ? " (JetStream error \(code.rawValue))" : ""
        // 10008: JetStream temporarily unavailable; 10076: no responders.
        let transient = status == NATS_TIMEOUT || status == NATS_NO_RESPONDERS || status == NATS_CONNECTION_DISCONNECTED
            || status == NATS_CONNECTION_CLOSED || code.rawValue == 10008 || code.rawValue == 10076
            || detail.lowercased().contains("timeout") || detail.lowercased().contains("no responders")
        return LiveError(redactor.scrub("\(what): \(detail)\(codeText)"), transient: transient)
    }

    private func options() -> jsOptions {
        var options = jsOptions()
        jsOptions_Init(&options)
        options.Wait = timeoutMilliseconds
        return options
    }

    // MARK: JetStream

    /// Whether the account has JetStream: nil when the server has it off.
    public func jetStreamEnabled() throws(LiveError) -> Bool {
        var info: UnsafeMutablePointer<jsAccountInfo>?
        var code = jsErrCode(0)
        var options = options()
        let status = js_GetAccountInfo(&info, jetStream, &options, &code)
        if let info { jsAccountInfo_Destroy(info) }
        if status == NATS_OK { return true }
        // 10039: JetStream not enabled for the account; 503: no responders.
        if code.rawValue == 10039 || status == NATS_NO_RESPONDERS || status == NATS_NOT_FOUND { return false }
        throw failure("NATS: could not read the JetStream account", status, code: code)
    }

    public struct StreamInfo: Sendable, Hashable {
        public var name: String
        public var subjects: [String]
        public var lastSequence: UInt64
        public var messages: UInt64
    }

    /// A stream's configuration and state, or nil when it does not exist.
    public func streamInfo(_ name: String) throws(LiveError) -> StreamInfo? {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(0)
        var options = options()
        let status = js_GetStreamInfo(&info, jetStream, name, &options, &code)
        defer { if let info { jsStreamInfo_Destroy(info) } }
        if status == NATS_NOT_FOUND || code.rawValue == 10059 { return nil }
        guard status == NATS_OK, let info else { throw failure("NATS: could not read stream \(name)", status, code: code) }
        var subjects: [String] = []
        if let config = info.pointee.Config, let list = config.pointee.Subjects {
            for index in 0..<Int(config.pointee.SubjectsLen) {
                if let subject = list[index] { subjects.append(String(cString: subject)) }
            }
        }
        return StreamInfo(name: name, subjects: subjects, lastSequence: info.pointee.State.LastSeq,
                          messages: info.pointee.State.Msgs)
    }

    /// Creates a file-backed stream.
    public func addStream(_ name: String, subjects: [String], replicas: Int) throws(LiveError) {
        var config = jsStreamConfig()
        jsStreamConfig_Init(&config)
        var code = jsErrCode(0)
        var options = options()
        let namePointer = strdup(name)
        var subjectPointers = subjects.map { UnsafePointer(strdup($0)) }
        defer {
            free(namePointer)
            subjectPointers.forEach { free(UnsafeMutablePointer(mutating: $0)) }
        }
        config.Name = UnsafePointer(namePointer)
        config.Storage = js_FileStorage
        config.Replicas = Int64(replicas)
        let status = subjectPointers.withUnsafeMutableBufferPointer { buffer -> natsStatus in
            config.Subjects = buffer.baseAddress
            config.SubjectsLen = Int32(buffer.count)
            var info: UnsafeMutablePointer<jsStreamInfo>?
            let status = js_AddStream(&info, jetStream, &config, &options, &code)
            if let info { jsStreamInfo_Destroy(info) }
            return status
        }
        guard status == NATS_OK else { throw failure("NATS: could not create stream \(name)", status, code: code) }
    }

    /// Publishes to JetStream with a message ID, so a publish retried after
    /// a lost acknowledgement is stored once. Returns the stream sequence.
    @discardableResult
    public func publish(_ subject: String, _ data: [UInt8], messageID: String) throws(LiveError) -> UInt64 {
        var publishOptions = jsPubOptions()
        jsPubOptions_Init(&publishOptions)
        var ack: UnsafeMutablePointer<jsPubAck>?
        var code = jsErrCode(0)
        let status = messageID.withCString { id -> natsStatus in
            publishOptions.MsgId = id
            publishOptions.MaxWait = timeoutMilliseconds
            return data.withUnsafeBytes {
                js_Publish(&ack, jetStream, subject, $0.baseAddress, Int32($0.count), &publishOptions, &code)
            }
        }
        defer { if let ack { jsPubAck_Destroy(ack) } }
        guard status == NATS_OK, let ack else { throw failure("NATS: could not publish to \(subject)", status, code: code) }
        return ack.pointee.Sequence
    }

    /// One stored message of a stream: its subject and payload.
    public func message(stream: String, sequence: UInt64) throws(LiveError) -> (subject: String, data: [UInt8])? {
        var message: OpaquePointer?
        var code = jsErrCode(0)
        var options = options()
        let status = js_GetMsg(&message, jetStream, stream, sequence, &options, &code)
        defer { if let message { natsMsg_Destroy(message) } }
        if status == NATS_NOT_FOUND || code.rawValue == 10037 { return nil }
        guard status == NATS_OK, let message else {
            throw failure("NATS: could not read message \(sequence) of \(stream)", status, code: code)
        }
        return Self.contents(message)
    }

    private static func contents(_ message: OpaquePointer) -> (subject: String, data: [UInt8]) {
        let subject = natsMsg_GetSubject(message).map { String(cString: $0) } ?? ""
        let length = Int(natsMsg_GetDataLength(message))
        var data: [UInt8] = []
        if length > 0, let bytes = natsMsg_GetData(message) {
            data = Array(UnsafeRawBufferPointer(start: bytes, count: length))
        }
        return (subject, data)
    }

    /// A plain subscription (not JetStream): messages as they are published.
    public final class Subscription {
        private let subscription: OpaquePointer
        private let client: NATSClient

        fileprivate init(_ subscription: OpaquePointer, client: NATSClient) {
            self.subscription = subscription
            self.client = client
        }

        deinit {
            natsSubscription_Unsubscribe(subscription)
            natsSubscription_Destroy(subscription)
        }

        /// The next message, or nil when none came within the timeout.
        public func next(timeout: Double) throws(LiveError) -> (subject: String, data: [UInt8])? {
            var message: OpaquePointer?
            let status = natsSubscription_NextMsg(&message, subscription, Int64(max(timeout, 0.001) * 1000))
            defer { if let message { natsMsg_Destroy(message) } }
            if status == NATS_TIMEOUT { return nil }
            guard status == NATS_OK, let message else { throw client.failure("NATS: the subscription failed", status) }
            return NATSClient.contents(message)
        }
    }

    public func subscribe(_ subject: String) throws(LiveError) -> Subscription {
        var subscription: OpaquePointer?
        let status = natsConnection_SubscribeSync(&subscription, connection, subject)
        guard status == NATS_OK, let subscription else { throw failure("NATS: could not subscribe to \(subject)", status) }
        return Subscription(subscription, client: self)
    }

    // MARK: Key-value buckets

    /// A bucket, or nil when it does not exist.
    public func bucket(_ name: String) throws(LiveError) -> KVBucket? {
        var kv: OpaquePointer?
        let status = js_KeyValue(&kv, jetStream, name)
        if status == NATS_NOT_FOUND { return nil }
        guard status == NATS_OK, let kv else { throw failure("NATS: could not open bucket \(name)", status) }
        return KVBucket(kv, name: name, client: self)
    }

    /// Creates a bucket (or binds the existing one with the same settings).
    public func createBucket(_ name: String, history: Int, replicas: Int) throws(LiveError) -> KVBucket {
        var config = kvConfig()
        kvConfig_Init(&config)
        config.History = UInt8(clamping: history)
        config.Replicas = Int32(replicas)
        config.StorageType = js_FileStorage
        var kv: OpaquePointer?
        let status = name.withCString { bucket -> natsStatus in
            config.Bucket = bucket
            return js_CreateKeyValue(&kv, jetStream, &config)
        }
        guard status == NATS_OK, let kv else { throw failure("NATS: could not create bucket \(name)", status) }
        return KVBucket(kv, name: name, client: self)
    }

    /// One entry of a bucket.
    public struct Entry: Sendable, Hashable {
        public var key: String
        public var value: [UInt8]
        public var revision: UInt64
    }

    /// A key-value bucket. Creates and updates are conditional, which is
    /// what makes claims exclusive: of two writers on one revision, one wins.
    public final class KVBucket {
        private let kv: OpaquePointer
        public let name: String
        private let client: NATSClient

        fileprivate init(_ kv: OpaquePointer, name: String, client: NATSClient) {
            self.kv = kv
            self.name = name
            self.client = client
        }

        deinit { kvStore_Destroy(kv) }

        public func get(_ key: String) throws(LiveError) -> Entry? {
            var entry: OpaquePointer?
            let status = kvStore_Get(&entry, kv, key)
            defer { if let entry { kvEntry_Destroy(entry) } }
            if status == NATS_NOT_FOUND { return nil }
            guard status == NATS_OK, let entry else { throw client.failure("NATS: could not read \(name)/\(key)", status) }
            return Self.entry(entry)
        }

        private static func entry(_ entry: OpaquePointer) -> Entry {
            let length = Int(kvEntry_ValueLen(entry))
            var value: [UInt8] = []
            if length > 0, let bytes = kvEntry_Value(entry) {
                value = Array(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            let key = kvEntry_Key(entry).map { String(cString: $0) } ?? ""
            return Entry(key: key, value: value, revision: kvEntry_Revision(entry))
        }

        /// Every entry, read with one watcher (not one request per key).
        public func entries() throws(LiveError) -> [Entry] {
            var watcher: OpaquePointer?
            var options = kvWatchOptions()
            kvWatchOptions_Init(&options)
            options.IgnoreDeletes = true
            options.Timeout = client.timeoutMilliseconds
            var status = kvStore_WatchAll(&watcher, kv, &options)
            guard status == NATS_OK, let watcher else { throw client.failure("NATS: could not list \(name)", status) }
            defer { kvWatcher_Destroy(watcher) }
            var result: [Entry] = []
            while true {
                var entry: OpaquePointer?
                status = kvWatcher_Next(&entry, watcher, client.timeoutMilliseconds)
                guard status == NATS_OK else { throw client.failure("NATS: listing \(name) timed out", status) }
                // A nil entry marks the end of the initial values.
                guard let entry else { break }
                result.append(Self.entry(entry))
                kvEntry_Destroy(entry)
            }
            return result
        }

        /// The revisions of a key written after `after` and before `before`,
        /// read one stream message at a time through the stream's leader
        /// (not a replica, which may lag).
        public func revisions(of key: String, after: UInt64, before: UInt64) throws(LiveError) -> [Entry] {
            let subject = "$KV.\(name).\(key)"
            var result: [Entry] = []
            var sequence = after + 1
            while sequence < before {
                if let message = try client.message(stream: "KV_\(name)", sequence: sequence), message.subject == subject {
                    result.append(Entry(key: key, value: message.data, revision: sequence))
                }
                sequence += 1
            }
            return result
        }

        /// Every stored revision of a key, oldest first (as many as the
        /// bucket's history keeps).
        public func history(_ key: String) throws(LiveError) -> [Entry] {
            var list = kvEntryList()
            var options = kvWatchOptions()
            kvWatchOptions_Init(&options)
            options.Timeout = client.timeoutMilliseconds
            let status = kvStore_History(&list, kv, key, &options)
            defer { kvEntryList_Destroy(&list) }
            if status == NATS_NOT_FOUND { return [] }
            guard status == NATS_OK else { throw client.failure("NATS: could not read the history of \(name)/\(key)", status) }
            var result: [Entry] = []
            for index in 0..<Int(list.Count) {
                if let entry = list.Entries[index] { result.append(Self.entry(entry)) }
            }
            return result
        }

        /// Creates a key that does not exist; nil when it does.
        public func create(_ key: String, _ value: [UInt8]) throws(LiveError) -> UInt64? {
            var revision: UInt64 = 0
            let status = value.withUnsafeBytes { kvStore_Create(&revision, kv, key, $0.baseAddress, Int32($0.count)) }
            if status == NATS_OK { return revision }
            if Self.isWrongRevision(status) { return nil }
            throw client.failure("NATS: could not create \(name)/\(key)", status)
        }

        /// Replaces a key's value if its revision is still `last`; nil when
        /// someone wrote it in between.
        public func update(_ key: String, _ value: [UInt8], last: UInt64) throws(LiveError) -> UInt64? {
            var revision: UInt64 = 0
            let status = value.withUnsafeBytes {
                kvStore_Update(&revision, kv, key, $0.baseAddress, Int32($0.count), last)
            }
            if status == NATS_OK { return revision }
            if Self.isWrongRevision(status) { return nil }
            throw client.failure("NATS: could not update \(name)/\(key)", status)
        }

        /// Writes a key whatever its revision.
        @discardableResult
        public func put(_ key: String, _ value: [UInt8]) throws(LiveError) -> UInt64 {
            var revision: UInt64 = 0
            let status = value.withUnsafeBytes { kvStore_Put(&revision, kv, key, $0.baseAddress, Int32($0.count)) }
            guard status == NATS_OK else { throw client.failure("NATS: could not write \(name)/\(key)", status) }
            return revision
        }

        public func delete(_ key: String) throws(LiveError) {
            let status = kvStore_Delete(kv, key)
            guard status == NATS_OK else { throw client.failure("NATS: could not delete \(name)/\(key)", status) }
        }

        /// libnats 3.4 reports a failed condition as a plain error whose text
        /// names the wrong last sequence.
        private static func isWrongRevision(_ status: natsStatus) -> Bool {
            guard status == NATS_ERR, let last = nats_GetLastError(nil) else { return false }
            return String(cString: last).contains("wrong last sequence")
        }
    }
}
