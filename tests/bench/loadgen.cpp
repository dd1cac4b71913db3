// loadgen: a single-threaded WebSocket load generator for scripts/bench (issue 6).
//
// Plain sockets + epoll, no Qt, nothing but libc, the C++ standard library and (for --tls) OpenSSL, so that the
// generator is cheaper per delivery than the servers it measures (it prints its own CPU use to show that).
// --tls connects over TLS (wss://) without checking the certificate: the generator measures, it trusts nothing.
//
// Modes
//   plain   N clients, no subprotocol. A client is ready at its first text frame. K senders send M
//           messages each, text "m<id>:<ts>" (ts: the generator's monotonic clock in microseconds).
//   natter  N clients offer natter.v1, send hello {name:"lg-<i>"} and join {room:"lobby"}; ready after
//           welcome and joined. Senders send {type:"send", id:"m<id>", room:"lobby", text:"m<id>:<ts>"};
//           the acks are counted and must match the sends.
//   idle    N clients connect (plain or --natter), wait for their welcome, the server's RSS growth per
//           connection is reported, and the connections are held for --hold seconds (pings answered).
//
// Every sender keeps at most W messages in flight; a message is done when all N clients received it.
// Every client must receive every message exactly once (missing and duplicate deliveries are counted).
// Received frames are recognised by the text "m<digits>:<digits>" anywhere in them, so the same
// generator works with servers that prefix the sender ("guest-3: m12:345") or wrap it in JSON.
//
// In idle mode --natter connects natter.v1 clients, and --no-join leaves out their join: a natter server
// announces every join to every member of the room, so N clients joining one room cost O(N^2) frames.
//
// Output: one line, "RESULT key=value ...", on stdout; progress and errors on stderr. Exit status 0 when
// the run completed and verified, 1 otherwise.

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

struct Options
{
    std::string mode = "plain"; // plain, natter, idle
    int port = 0;
    int clients = 100;
    int senders = 10;
    int messages = 100;
    int window = 16;
    long serverPid = 0;
    double holdSeconds = 0;
    double timeoutSeconds = 120;
    double connectTimeoutSeconds = 120;
    int connectConcurrency = 32;
    int settleMs = 300;
    bool natterIdle = false;
    bool natterJoin = true;
    bool tls = false;
    std::string label;
};

std::uint64_t nowUs()
{
    using namespace std::chrono;
    return static_cast<std::uint64_t>(duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count());
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// VmRSS or VmHWM of a process in KiB, or -1.
long procStatusKb(long pid, const char *key)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%ld/status", pid);
    FILE *file = std::fopen(path, "r");
    if (!file)
        return -1;
    char line[256];
    long value = -1;
    const std::size_t keyLength = std::strlen(key);
    while (std::fgets(line, sizeof line, file)) {
        if (std::strncmp(line, key, keyLength) == 0 && line[keyLength] == ':') {
            value = std::strtol(line + keyLength + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return value;
}

enum class State { Idle, Connecting, TlsHandshake, Upgrading, Open, Closed };

struct Client
{
    int fd = -1;
    SSL *ssl = nullptr; // with --tls, once connected
    State state = State::Idle;
    std::string in;
    std::size_t inPos = 0;
    std::string out;
    std::size_t outPos = 0;
    bool wantWrite = false;
    bool dirty = false;
    bool welcomed = false;
    bool joined = false;
    bool ready = false;
    std::string fragment; // a fragmented message being assembled
    bool fragmenting = false;
};

struct Sender
{
    int client = 0;
    int nextSeq = 0;
    int inFlight = 0;
};

class LoadGen
{
public:
    explicit LoadGen(const Options &options)
        : m_opt(options)
    { }
    int run();

private:
    bool natterProtocol() const { return m_opt.mode == "natter" || (m_opt.mode == "idle" && m_opt.natterIdle); }
    // recv()/send() on the connection, through TLS with --tls: > 0 bytes, 0 closed, -1 with errno (EAGAIN: later).
    ssize_t receive(Client &c, char *data, std::size_t size);
    ssize_t transmit(Client &c, const char *data, std::size_t size);
    void continueTlsHandshake(int index);
    void sendUpgradeRequest(int index);
    bool startConnect(int index);
    void onEvent(int index, std::uint32_t events);
    void onReadable(int index);
    void flush(int index);
    void markDirty(int index);
    void flushDirty();
    void fail(int index, const char *what);
    void parseHandshake(int index);
    void parseFrames(int index);
    void onMessage(int index, const char *data, std::size_t size);
    void sendText(int index, const char *data, std::size_t size);
    void sendFrame(int index, int opcode, const char *data, std::size_t size);
    void sendNext(int senderIndex);
    void updateInterest(int index);
    void pollOnce(int timeoutMs);
    bool connectAll();
    void settle();
    void closeAll();

    Options m_opt;
    SSL_CTX *m_tls = nullptr;
    int m_epoll = -1;
    std::vector<Client> m_clients;
    std::vector<int> m_dirty;
    int m_pending = 0; // connections started but not yet ready
    int m_nextToStart = 0;
    int m_ready = 0;
    int m_failed = 0;
    int m_closedByServer = 0;
    std::uint64_t m_lastFrameUs = 0;
    std::uint32_t m_maskState = 0x9e3779b9u;

    // Load phase.
    bool m_loading = false;
    std::vector<Sender> m_senders;
    long m_totalMessages = 0;
    std::vector<int> m_remaining; // receivers still missing, per message id
    std::vector<std::uint8_t> m_received; // per client x message: times received
    std::vector<std::uint32_t> m_latencies;
    long m_done = 0;
    long m_deliveries = 0;
    long m_duplicates = 0;
    long m_unknown = 0;
    long m_acks = 0;
    long m_sent = 0;
};

bool LoadGen::startConnect(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        std::fprintf(stderr, "loadgen: socket: %s\n", std::strerror(errno));
        return false;
    }
    int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(m_opt.port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const int rc = connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    if (rc < 0 && errno != EINPROGRESS) {
        std::fprintf(stderr, "loadgen: connect: %s\n", std::strerror(errno));
        close(c.fd);
        c.fd = -1;
        return false;
    }
    c.state = State::Connecting;
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.u32 = static_cast<std::uint32_t>(index);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    c.wantWrite = true;
    ++m_pending;
    return true;
}

void LoadGen::updateInterest(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    const bool want = c.state == State::Connecting || c.state == State::TlsHandshake || c.outPos < c.out.size();
    if (want == c.wantWrite || c.fd < 0)
        return;
    epoll_event event{};
    event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    event.data.u32 = static_cast<std::uint32_t>(index);
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
    c.wantWrite = want;
}

void LoadGen::fail(int index, const char *what)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    if (c.state == State::Closed)
        return;
    if (what)
        std::fprintf(stderr, "loadgen: client %d: %s\n", index, what);
    if (!c.ready)
        --m_pending;
    if (c.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        close(c.fd);
    }
    if (c.ssl) {
        SSL_free(c.ssl);
        c.ssl = nullptr;
    }
    c.fd = -1;
    c.state = State::Closed;
    ++m_failed;
}

void LoadGen::markDirty(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    if (!c.dirty) {
        c.dirty = true;
        m_dirty.push_back(index);
    }
}

void LoadGen::flush(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    while (c.fd >= 0 && c.outPos < c.out.size()) {
        const ssize_t n = transmit(c, c.out.data() + c.outPos, c.out.size() - c.outPos);
        if (n > 0) {
            c.outPos += static_cast<std::size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            fail(index, "send failed");
            return;
        }
    }
    if (c.outPos == c.out.size()) {
        c.out.clear();
        c.outPos = 0;
    }
    updateInterest(index);
}

void LoadGen::flushDirty()
{
    // By index: flush() may append to m_dirty, which would invalidate a range-for's iterators.
    for (std::size_t i = 0; i < m_dirty.size(); ++i) { // NOLINT(modernize-loop-convert)
        const int index = m_dirty[i];
        m_clients[static_cast<std::size_t>(index)].dirty = false;
        flush(index);
    }
    m_dirty.clear();
}

void LoadGen::sendFrame(int index, int opcode, const char *data, std::size_t size)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    unsigned char header[14];
    std::size_t h = 0;
    header[h++] = static_cast<unsigned char>(0x80 | opcode);
    if (size < 126) {
        header[h++] = static_cast<unsigned char>(0x80 | size);
    } else if (size < 65536) {
        header[h++] = 0x80 | 126;
        header[h++] = static_cast<unsigned char>(size >> 8);
        header[h++] = static_cast<unsigned char>(size);
    } else {
        header[h++] = 0x80 | 127;
        for (int shift = 56; shift >= 0; shift -= 8)
            header[h++] = static_cast<unsigned char>(static_cast<std::uint64_t>(size) >> shift);
    }
    // xorshift32: the key only has to vary, not be secret, for a generator that talks to 127.0.0.1.
    m_maskState ^= m_maskState << 13;
    m_maskState ^= m_maskState >> 17;
    m_maskState ^= m_maskState << 5;
    unsigned char mask[4];
    std::memcpy(mask, &m_maskState, 4);
    std::memcpy(header + h, mask, 4);
    h += 4;
    c.out.append(reinterpret_cast<const char *>(header), h);
    const std::size_t start = c.out.size();
    c.out.append(data, size);
    for (std::size_t i = 0; i < size; ++i)
        c.out[start + i] = static_cast<char>(c.out[start + i] ^ mask[i & 3]);
    markDirty(index);
}

void LoadGen::sendText(int index, const char *data, std::size_t size)
{
    sendFrame(index, 0x1, data, size);
}

void LoadGen::sendNext(int senderIndex)
{
    Sender &s = m_senders[static_cast<std::size_t>(senderIndex)];
    while (s.inFlight < m_opt.window && s.nextSeq < m_opt.messages) {
        const long id = static_cast<long>(senderIndex) * m_opt.messages + s.nextSeq;
        ++s.nextSeq;
        ++s.inFlight;
        m_remaining[static_cast<std::size_t>(id)] = m_opt.clients;
        char buffer[160];
        const unsigned long long ts = nowUs();
        int n;
        if (m_opt.mode == "natter")
            n = std::snprintf(buffer, sizeof buffer,
                              "{\"type\":\"send\",\"id\":\"m%ld\",\"room\":\"lobby\",\"text\":\"m%ld:%llu\"}", id, id,
                              ts);
        else
            n = std::snprintf(buffer, sizeof buffer, "m%ld:%llu", id, ts);
        sendText(s.client, buffer, static_cast<std::size_t>(n));
        ++m_sent;
    }
}

void LoadGen::parseHandshake(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    const std::size_t end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.in.size() > 16384)
            fail(index, "handshake response too long");
        return;
    }
    if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
        const std::string firstLine = c.in.substr(0, c.in.find("\r\n"));
        fail(index, ("handshake refused: " + firstLine).c_str());
        return;
    }
    c.in.erase(0, end + 4);
    c.inPos = 0;
    c.state = State::Open;
    if (natterProtocol()) {
        char hello[96];
        const int n = std::snprintf(hello, sizeof hello, "{\"type\":\"hello\",\"name\":\"lg-%d\"}", index);
        sendText(index, hello, static_cast<std::size_t>(n));
        if (m_opt.natterJoin) {
            static const char join[] = "{\"type\":\"join\",\"room\":\"lobby\"}";
            sendText(index, join, sizeof join - 1);
        } else {
            c.joined = true;
        }
    }
    parseFrames(index);
}

void LoadGen::parseFrames(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    while (c.state == State::Open) {
        const std::size_t avail = c.in.size() - c.inPos;
        if (avail < 2)
            break;
        const auto *p = reinterpret_cast<const unsigned char *>(c.in.data() + c.inPos);
        const bool fin = (p[0] & 0x80) != 0;
        const int opcode = p[0] & 0x0f;
        if (p[1] & 0x80) {
            fail(index, "server sent a masked frame");
            return;
        }
        std::uint64_t length = p[1] & 0x7f;
        std::size_t header = 2;
        if (length == 126) {
            if (avail < 4)
                break;
            length = (static_cast<std::uint64_t>(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (avail < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (length > (1u << 30)) {
            fail(index, "frame too large");
            return;
        }
        if (avail < header + length)
            break;
        const char *payload = c.in.data() + c.inPos + header;
        const std::size_t size = static_cast<std::size_t>(length);
        c.inPos += header + size;
        switch (opcode) {
        case 0x0: // continuation
            if (!c.fragmenting) {
                fail(index, "unexpected continuation frame");
                return;
            }
            c.fragment.append(payload, size);
            if (fin) {
                c.fragmenting = false;
                const std::string whole = std::move(c.fragment);
                c.fragment.clear();
                onMessage(index, whole.data(), whole.size());
            }
            break;
        case 0x1:
        case 0x2:
            if (fin) {
                onMessage(index, payload, size);
            } else {
                c.fragmenting = true;
                c.fragment.assign(payload, size);
            }
            break;
        case 0x8: // close
            ++m_closedByServer;
            if (size >= 2) {
                const int code = (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
                std::fprintf(stderr, "loadgen: client %d closed by the server, code %d: %.*s\n", index, code,
                             static_cast<int>(size - 2), payload + 2);
            }
            fail(index, nullptr);
            return;
        case 0x9: { // ping: answer with a pong carrying the same payload
            const std::string copy(payload, size);
            sendFrame(index, 0xA, copy.data(), copy.size());
            break;
        }
        case 0xA:
            break;
        default:
            fail(index, "unknown opcode");
            return;
        }
    }
    if (c.inPos > 0 && (c.inPos == c.in.size() || c.inPos > 65536)) {
        c.in.erase(0, c.inPos);
        c.inPos = 0;
    }
}

// Finds "m<digits>:<digits>" in a frame.
bool findStamp(const char *data, std::size_t size, long &id, std::uint64_t &ts)
{
    const char *end = data + size;
    const char *p = data;
    while (p < end) {
        const char *m = static_cast<const char *>(std::memchr(p, 'm', static_cast<std::size_t>(end - p)));
        if (!m)
            return false;
        const char *q = m + 1;
        long idValue = 0;
        const char *digits = q;
        while (q < end && *q >= '0' && *q <= '9')
            idValue = idValue * 10 + (*q++ - '0');
        if (q > digits && q < end && *q == ':') {
            ++q;
            const char *tsDigits = q;
            std::uint64_t tsValue = 0;
            while (q < end && *q >= '0' && *q <= '9')
                tsValue = tsValue * 10 + static_cast<std::uint64_t>(*q++ - '0');
            if (q > tsDigits) {
                id = idValue;
                ts = tsValue;
                return true;
            }
        }
        p = m + 1;
    }
    return false;
}

bool contains(const char *data, std::size_t size, const char *needle)
{
    const std::size_t n = std::strlen(needle);
    if (size < n)
        return false;
    return std::search(data, data + size, needle, needle + n) != data + size;
}

void LoadGen::onMessage(int index, const char *data, std::size_t size)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    m_lastFrameUs = nowUs();
    if (!c.ready) {
        if (natterProtocol()) {
            if (!c.welcomed && contains(data, size, "\"type\":\"welcome\""))
                c.welcomed = true;
            else if (!c.joined && contains(data, size, "\"type\":\"joined\""))
                c.joined = true;
            else if (contains(data, size, "\"type\":\"error\""))
                std::fprintf(stderr, "loadgen: client %d got an error: %.*s\n", index,
                             static_cast<int>(std::min<std::size_t>(size, 300)), data);
            if (c.welcomed && c.joined) {
                c.ready = true;
            }
        } else {
            c.ready = true;
        }
        if (c.ready) {
            ++m_ready;
            --m_pending;
        }
        return;
    }
    if (!m_loading)
        return;
    if (m_opt.mode == "natter") {
        if (contains(data, size, "\"type\":\"ack\"")) {
            ++m_acks;
            return;
        }
        if (!contains(data, size, "\"type\":\"message\""))
            return;
    }
    long id = 0;
    std::uint64_t ts = 0;
    if (!findStamp(data, size, id, ts))
        return; // presence lines and the like
    if (id < 0 || id >= m_totalMessages) {
        ++m_unknown;
        return;
    }
    std::uint8_t &count = m_received[static_cast<std::size_t>(index) * static_cast<std::size_t>(m_totalMessages)
                                     + static_cast<std::size_t>(id)];
    if (count) {
        ++m_duplicates;
        if (count < 255)
            ++count;
        return;
    }
    count = 1;
    ++m_deliveries;
    const std::uint64_t now = nowUs();
    m_latencies.push_back(static_cast<std::uint32_t>(std::min<std::uint64_t>(now >= ts ? now - ts : 0, 0xffffffffu)));
    int &remaining = m_remaining[static_cast<std::size_t>(id)];
    if (--remaining == 0) {
        ++m_done;
        const int senderIndex = static_cast<int>(id / m_opt.messages);
        --m_senders[static_cast<std::size_t>(senderIndex)].inFlight;
        sendNext(senderIndex);
    }
}

void LoadGen::onReadable(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    char buffer[65536];
    for (;;) {
        if (c.fd < 0)
            return;
        const ssize_t n = receive(c, buffer, sizeof buffer);
        if (n > 0) {
            c.in.append(buffer, static_cast<std::size_t>(n));
            if (c.state == State::Upgrading)
                parseHandshake(index);
            else if (c.state == State::Open)
                parseFrames(index);
            // TLS hands out a record at a time and may hold more than epoll will announce: read until EAGAIN.
            if (!c.ssl && static_cast<std::size_t>(n) < sizeof buffer)
                return;
        } else if (n == 0) {
            fail(index, m_loading || !c.ready ? "connection closed by the server" : nullptr);
            return;
        } else if (errno == EINTR) {
            continue;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return;
        } else {
            fail(index, "recv failed");
            return;
        }
    }
}

void LoadGen::onEvent(int index, std::uint32_t events)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    if (c.state == State::Connecting) {
        if (events & (EPOLLERR | EPOLLHUP)) {
            fail(index, "connect failed");
            return;
        }
        if (events & EPOLLOUT) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error) {
                fail(index, std::strerror(error));
                return;
            }
            if (m_tls) {
                c.ssl = SSL_new(m_tls);
                SSL_set_fd(c.ssl, c.fd);
                SSL_set_connect_state(c.ssl);
                SSL_set_mode(c.ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
                c.state = State::TlsHandshake;
                continueTlsHandshake(index);
                return;
            }
            sendUpgradeRequest(index);
            return;
        }
    }
    if (c.state == State::TlsHandshake) {
        if (events & (EPOLLERR | EPOLLHUP))
            fail(index, "TLS handshake failed");
        else
            continueTlsHandshake(index);
        return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
        onReadable(index);
    if ((events & EPOLLOUT) && c.fd >= 0)
        flush(index);
}

void LoadGen::sendUpgradeRequest(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    c.state = State::Upgrading;
    char request[512];
    const int n = std::snprintf(request, sizeof request,
                                "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n%s\r\n",
                                m_opt.port, natterProtocol() ? "Sec-WebSocket-Protocol: natter.v1\r\n" : "");
    c.out.append(request, static_cast<std::size_t>(n));
    flush(index);
}

void LoadGen::continueTlsHandshake(int index)
{
    Client &c = m_clients[static_cast<std::size_t>(index)];
    const int rc = SSL_do_handshake(c.ssl);
    if (rc == 1) {
        sendUpgradeRequest(index);
        return;
    }
    const int error = SSL_get_error(c.ssl, rc);
    if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
        ERR_clear_error();
        fail(index, "TLS handshake failed");
        return;
    }
    updateInterest(index);
}

namespace {

// An SSL_read/SSL_write result in recv()/send() terms: > 0 bytes, 0 closed, -1 with errno (EAGAIN: later).
ssize_t asSocketResult(SSL *ssl, int n)
{
    if (n > 0)
        return n;
    const int error = SSL_get_error(ssl, n);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
        errno = EAGAIN;
        return -1;
    }
    ERR_clear_error();
    if (error == SSL_ERROR_ZERO_RETURN)
        return 0;
    errno = EIO;
    return -1;
}

} // namespace

ssize_t LoadGen::receive(Client &c, char *data, std::size_t size)
{
    if (!c.ssl)
        return recv(c.fd, data, size, 0);
    return asSocketResult(c.ssl, SSL_read(c.ssl, data, static_cast<int>(size)));
}

ssize_t LoadGen::transmit(Client &c, const char *data, std::size_t size)
{
    if (!c.ssl)
        return send(c.fd, data, size, MSG_NOSIGNAL);
    return asSocketResult(c.ssl, SSL_write(c.ssl, data, static_cast<int>(std::min<std::size_t>(size, 1 << 20))));
}

void LoadGen::pollOnce(int timeoutMs)
{
    epoll_event events[1024];
    const int n = epoll_wait(m_epoll, events, 1024, timeoutMs);
    for (int i = 0; i < n; ++i)
        onEvent(static_cast<int>(events[i].data.u32), events[i].events);
    flushDirty();
}

bool LoadGen::connectAll()
{
    const std::uint64_t deadline = nowUs() + static_cast<std::uint64_t>(m_opt.connectTimeoutSeconds * 1e6);
    while (m_ready < m_opt.clients) {
        while (m_nextToStart < m_opt.clients && m_pending < m_opt.connectConcurrency) {
            if (!startConnect(m_nextToStart++))
                return false;
        }
        if (m_failed > 0) {
            std::fprintf(stderr, "loadgen: %d connections failed while connecting (%d ready)\n", m_failed, m_ready);
            return false;
        }
        if (nowUs() > deadline) {
            std::fprintf(stderr, "loadgen: timed out connecting: %d of %d ready\n", m_ready, m_opt.clients);
            return false;
        }
        pollOnce(100);
    }
    return true;
}

// Waits until no frame has arrived for settleMs (the presence announcements of the joins), at most 30 s.
void LoadGen::settle()
{
    const std::uint64_t start = nowUs();
    m_lastFrameUs = start;
    while (nowUs() - m_lastFrameUs < static_cast<std::uint64_t>(m_opt.settleMs) * 1000 && nowUs() - start < 30000000)
        pollOnce(20);
}

void LoadGen::closeAll()
{
    for (Client &c : m_clients) {
        if (c.fd >= 0) {
            // Reset instead of a TIME_WAIT per connection, so that repeated runs do not run out of ports.
            linger lingerOption{1, 0};
            setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
            close(c.fd);
            c.fd = -1;
        }
        if (c.ssl) {
            SSL_free(c.ssl);
            c.ssl = nullptr;
        }
    }
}

int LoadGen::run()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_opt.tls) {
        m_tls = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(m_tls, SSL_VERIFY_NONE, nullptr);
    }
    m_clients.resize(static_cast<std::size_t>(m_opt.clients));
    const long rssBase = procStatusKb(m_opt.serverPid, "VmRSS");
    const std::uint64_t connectStart = nowUs();
    const bool connected = connectAll();
    const double connectSeconds = static_cast<double>(nowUs() - connectStart) / 1e6;
    if (!connected) {
        std::printf("RESULT label=%s mode=%s clients=%d ok=0 error=connect ready=%d\n", m_opt.label.c_str(),
                    m_opt.mode.c_str(), m_opt.clients, m_ready);
        closeAll();
        return 1;
    }
    settle();
    const long rssIdle = procStatusKb(m_opt.serverPid, "VmRSS");

    if (m_opt.mode == "idle") {
        const std::uint64_t holdEnd = nowUs() + static_cast<std::uint64_t>(m_opt.holdSeconds * 1e6);
        while (nowUs() < holdEnd && m_failed == 0)
            pollOnce(100);
        const long rssHeld = procStatusKb(m_opt.serverPid, "VmRSS");
        const double perConnection =
            m_opt.clients > 0 && rssBase >= 0 ? static_cast<double>(rssIdle - rssBase) / m_opt.clients : -1;
        const bool ok = m_failed == 0;
        std::printf(
            "RESULT label=%s mode=idle clients=%d connect_s=%.2f rss_base_kb=%ld rss_idle_kb=%ld rss_held_kb=%ld "
            "rss_peak_kb=%ld kib_per_conn=%.2f held_s=%.1f failed=%d ok=%d\n",
            m_opt.label.c_str(), m_opt.clients, connectSeconds, rssBase, rssIdle, rssHeld,
            procStatusKb(m_opt.serverPid, "VmHWM"), perConnection, m_opt.holdSeconds, m_failed, ok ? 1 : 0);
        closeAll();
        return ok ? 0 : 1;
    }

    // Load phase.
    m_totalMessages = static_cast<long>(m_opt.senders) * m_opt.messages;
    m_remaining.assign(static_cast<std::size_t>(m_totalMessages), 0);
    m_received.assign(static_cast<std::size_t>(m_totalMessages) * static_cast<std::size_t>(m_opt.clients), 0);
    m_latencies.reserve(static_cast<std::size_t>(m_totalMessages) * static_cast<std::size_t>(m_opt.clients));
    for (int k = 0; k < m_opt.senders; ++k)
        m_senders.push_back(Sender{k % m_opt.clients, 0, 0});
    m_loading = true;
    const double cpuStart = cpuSeconds();
    const std::uint64_t start = nowUs();
    const std::uint64_t deadline = start + static_cast<std::uint64_t>(m_opt.timeoutSeconds * 1e6);
    for (int k = 0; k < m_opt.senders; ++k)
        sendNext(k);
    flushDirty();
    bool timedOut = false;
    while (m_done < m_totalMessages || (m_opt.mode == "natter" && m_acks < m_totalMessages)) {
        if (m_failed > 0)
            break;
        if (nowUs() > deadline) {
            timedOut = true;
            break;
        }
        pollOnce(100);
    }
    const std::uint64_t end = nowUs();
    const double cpu = cpuSeconds() - cpuStart;
    const double seconds = static_cast<double>(end - start) / 1e6;
    // A short grace period to catch late duplicates.
    const std::uint64_t graceEnd = nowUs() + 100000;
    while (nowUs() < graceEnd && m_failed == 0)
        pollOnce(10);
    const long rssAfter = procStatusKb(m_opt.serverPid, "VmRSS");
    const long rssPeak = procStatusKb(m_opt.serverPid, "VmHWM");

    const long expected = m_totalMessages * m_opt.clients;
    long missing = 0;
    for (std::uint8_t count : m_received)
        missing += count == 0 ? 1 : 0;
    std::uint32_t p50 = 0, p99 = 0, maxLatency = 0;
    if (!m_latencies.empty()) {
        auto at = [this](double q) {
            const std::size_t k =
                std::min(m_latencies.size() - 1, static_cast<std::size_t>(q * static_cast<double>(m_latencies.size())));
            std::nth_element(m_latencies.begin(), m_latencies.begin() + static_cast<std::ptrdiff_t>(k),
                             m_latencies.end());
            return m_latencies[k];
        };
        p50 = at(0.50);
        p99 = at(0.99);
        maxLatency = *std::max_element(m_latencies.begin(), m_latencies.end());
    }
    const bool acksOk = m_opt.mode != "natter" || m_acks == m_totalMessages;
    const bool ok = !timedOut && m_failed == 0 && missing == 0 && m_duplicates == 0 && m_unknown == 0 && acksOk;
    std::printf("RESULT label=%s mode=%s clients=%d senders=%d msgs=%d window=%d deliveries=%ld expected=%ld secs=%.3f "
                "dps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f missing=%ld dup=%ld unknown=%ld acks=%ld "
                "gen_cpu_s=%.2f gen_cpu_pct=%.0f rss_base_kb=%ld rss_idle_kb=%ld rss_after_kb=%ld rss_peak_kb=%ld "
                "connect_s=%.2f failed=%d timeout=%d ok=%d\n",
                m_opt.label.c_str(), m_opt.mode.c_str(), m_opt.clients, m_opt.senders, m_opt.messages, m_opt.window,
                m_deliveries, expected, seconds, seconds > 0 ? static_cast<double>(m_deliveries) / seconds : 0.0,
                p50 / 1000.0, p99 / 1000.0, maxLatency / 1000.0, missing, m_duplicates, m_unknown, m_acks, cpu,
                seconds > 0 ? 100.0 * cpu / seconds : 0.0, rssBase, rssIdle, rssAfter, rssPeak, connectSeconds,
                m_failed, timedOut ? 1 : 0, ok ? 1 : 0);
    closeAll();
    return ok ? 0 : 1;
}

void usage()
{
    std::fprintf(
        stderr,
        "usage: loadgen --port P [--mode plain|natter|idle] [--clients N] [--senders K] [--messages M]\n"
        "               [--window W] [--server-pid PID] [--hold S] [--natter [--no-join]] [--tls] [--timeout S]\n"
        "               [--connect-timeout S] [--connect-concurrency C] [--settle-ms MS] [--label TEXT]\n"
        "  --natter      in idle mode, connect as natter.v1 clients (hello + join) instead of plain ones\n"
        "  --tls         connect over TLS (wss://), without checking the certificate\n"
        "  --no-join     with --natter: hello only, no join (no presence announcements)\n"
        "Prints one line: RESULT key=value ...\n");
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char *name) -> const char * {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "loadgen: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--mode")
            options.mode = value("--mode");
        else if (arg == "--port")
            options.port = std::atoi(value("--port"));
        else if (arg == "--clients")
            options.clients = std::atoi(value("--clients"));
        else if (arg == "--senders")
            options.senders = std::atoi(value("--senders"));
        else if (arg == "--messages")
            options.messages = std::atoi(value("--messages"));
        else if (arg == "--window")
            options.window = std::atoi(value("--window"));
        else if (arg == "--server-pid")
            options.serverPid = std::atol(value("--server-pid"));
        else if (arg == "--hold")
            options.holdSeconds = std::atof(value("--hold"));
        else if (arg == "--timeout")
            options.timeoutSeconds = std::atof(value("--timeout"));
        else if (arg == "--connect-timeout")
            options.connectTimeoutSeconds = std::atof(value("--connect-timeout"));
        else if (arg == "--connect-concurrency")
            options.connectConcurrency = std::atoi(value("--connect-concurrency"));
        else if (arg == "--settle-ms")
            options.settleMs = std::atoi(value("--settle-ms"));
        else if (arg == "--tls")
            options.tls = true;
        else if (arg == "--natter")
            options.natterIdle = true;
        else if (arg == "--no-join")
            options.natterJoin = false;
        else if (arg == "--label")
            options.label = value("--label");
        else if (arg == "-h" || arg == "--help") {
            usage();
            return 0;
        } else {
            std::fprintf(stderr, "loadgen: unknown option %s\n", arg.c_str());
            usage();
            return 2;
        }
    }
    if (options.port <= 0 || options.port > 65535 || options.clients < 1 || options.senders < 0 || options.messages < 0
        || options.window < 1 || options.connectConcurrency < 1
        || (options.mode != "plain" && options.mode != "natter" && options.mode != "idle")) {
        usage();
        return 2;
    }
    if (options.mode != "idle" && options.senders > options.clients) {
        std::fprintf(stderr, "loadgen: more senders than clients\n");
        return 2;
    }
    if (options.label.empty())
        options.label = "-";
    LoadGen generator(options);
    return generator.run();
}
