// Node's "ws" clients, unchanged tutorial code and a natter.v1 script, chatting with Qt clients, over ws:// and
// wss://, and from another host (a network namespace the test makes) where the server requires TLS.

#include "testclient.h"
#include "testserver.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

// A Node script run with the ws package on its module path; collects its output lines.
class NodeScript
{
public:
    // launcher: a command that runs node for us (e.g. ip netns exec NAME), or none.
    NodeScript(const QString &script, const QUrl &url, const QStringList &launcher = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NODE_PATH"), QStringLiteral(NATTER_NODE_MODULES));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        });
        QStringList command = launcher;
        command << QStandardPaths::findExecutable(QStringLiteral("node"))
                << QStringLiteral(NATTER_INTEROP_DIR "/") + script << url.toString();
        m_process.start(command.takeFirst(), command);
    }
    ~NodeScript()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    bool started() { return m_process.waitForStarted(); }
    void writeLine(const QString &line) { m_process.write(line.toUtf8() + '\n'); }
    void writeFrame(const QJsonObject &frame)
    {
        writeLine(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }

    bool waitForLine(const QString &part, int timeoutMs = 10000)
    {
        return QTest::qWaitFor([&] { return findLine(part) >= 0; }, timeoutMs);
    }
    // The first JSON frame whose "type" matches, once it has arrived.
    QJsonObject waitForFrame(const QString &type, int timeoutMs = 10000)
    {
        QJsonObject found;
        [[maybe_unused]] const bool arrived = QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_lines.size(); ++i) {
                    const QJsonObject frame = QJsonDocument::fromJson(m_lines.at(i).toUtf8()).object();
                    if (frame.value(QStringLiteral("type")).toString() == type) {
                        found = frame;
                        m_lines.removeAt(i);
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    QString output() const { return m_lines.join(u'\n'); }

private:
    qsizetype findLine(const QString &part) const
    {
        for (qsizetype i = 0; i < m_lines.size(); ++i) {
            if (m_lines.at(i).contains(part))
                return i;
        }
        return -1;
    }

    QProcess m_process;
    QStringList m_lines;
};

// A network namespace joined to this one by a veth pair, with addresses from a documentation range
// (203.0.113.0/30, TEST-NET-3): a host that is not this one, for tests that need a peer beyond loopback. Removed
// again when it goes. Needs root and iproute2.
class OtherHost
{
public:
    OtherHost()
        : m_name(QStringLiteral("natter-%1").arg(QCoreApplication::applicationPid()))
        , m_hostEnd(QStringLiteral("vh-%1").arg(QCoreApplication::applicationPid() % 100000))
        , m_otherEnd(QStringLiteral("vn-%1").arg(QCoreApplication::applicationPid() % 100000))
    {
        m_ok = ip({QStringLiteral("netns"), QStringLiteral("add"), m_name})
            && ip({QStringLiteral("link"), QStringLiteral("add"), m_hostEnd, QStringLiteral("type"),
                   QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), m_otherEnd})
            && ip({QStringLiteral("link"), QStringLiteral("set"), m_otherEnd, QStringLiteral("netns"), m_name})
            && ip({QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("203.0.113.1/30"),
                   QStringLiteral("dev"), m_hostEnd})
            && ip({QStringLiteral("link"), QStringLiteral("set"), m_hostEnd, QStringLiteral("up")})
            && ip(inside({QStringLiteral("ip"), QStringLiteral("addr"), QStringLiteral("add"),
                          QStringLiteral("203.0.113.2/30"), QStringLiteral("dev"), m_otherEnd}))
            && ip(inside({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), m_otherEnd,
                          QStringLiteral("up")}));
    }
    ~OtherHost()
    {
        ip({QStringLiteral("netns"), QStringLiteral("del"), m_name}); // takes the veth pair with it
        ip({QStringLiteral("link"), QStringLiteral("del"), m_hostEnd});
    }

    bool isReady() const { return m_ok; }
    static QHostAddress thisEnd() { return QHostAddress(QStringLiteral("203.0.113.1")); }
    // The command prefix that runs a program on the other host.
    QStringList launcher() const
    {
        return {QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), m_name};
    }

private:
    QStringList inside(const QStringList &command) const
    {
        return QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_name} + command;
    }
    static bool ip(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("ip"), arguments);
        return process.waitForFinished(5000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QString m_name;
    QString m_hostEnd;
    QString m_otherEnd;
    bool m_ok = false;
};

} // namespace

class TestNodeClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(),
                 "node is not installed: run scripts/test, which installs it");
        QVERIFY2(QFileInfo::exists(QStringLiteral(NATTER_NODE_MODULES "/ws/package.json")),
                 "the npm ws package is missing from the build tree: run scripts/test, which installs it");
    }

    void tutorialClientChatsInPlainText()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {lobbyRoom()}));

        NodeScript node(QStringLiteral("tutorial-client.js"), server.url());
        QVERIFY(node.started());
        QVERIFY2(node.waitForLine(QStringLiteral("Welcome to Test Server")), qPrintable(node.output()));
        QVERIFY(alice.waitFor<Presence>([](const Presence &p) { return p.name == u"guest-1"; }));

        node.writeLine(QStringLiteral("hello from node"));
        const auto fromNode = alice.waitFor<MessageEvent>();
        QVERIFY(fromNode);
        QCOMPARE(fromNode->message.from, QStringLiteral("guest-1"));
        QCOMPARE(fromNode->message.text, QStringLiteral("hello from node"));

        QVERIFY(alice.say(lobbyRoom(), QStringLiteral("hi node, ünïcödé 👋")) > 0);
        QVERIFY2(node.waitForLine(QStringLiteral("Alice: hi node, ünïcödé 👋")), qPrintable(node.output()));

        node.writeLine(QStringLiteral("/nick NodeFan"));
        QVERIFY(node.waitForLine(QStringLiteral("* guest-1 is now known as NodeFan")));
        QVERIFY(server.stop());
        QVERIFY2(node.waitForLine(QStringLiteral("closed 1001")), qPrintable(node.output()));
    }

    void nodeSpeaksNatterV1()
    {
        TestServer server;
        QVERIFY(server.start());
        TestClient alice;
        QVERIFY(alice.enter(server.url(), QStringLiteral("Alice"), {QStringLiteral("dev")}));

        NodeScript node(QStringLiteral("natter-client.js"), server.url());
        QVERIFY(node.started());
        const QJsonObject open = node.waitForFrame(QStringLiteral("open"));
        QCOMPARE(open.value(QStringLiteral("protocol")).toString(), subprotocol());
        node.writeFrame(
            {{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("name"), QStringLiteral("NodeBot")}});
        const QJsonObject welcome = node.waitForFrame(QStringLiteral("welcome"));
        QCOMPARE(welcome.value(QStringLiteral("name")).toString(), QStringLiteral("NodeBot"));

        node.writeFrame(
            {{QStringLiteral("type"), QStringLiteral("join")}, {QStringLiteral("room"), QStringLiteral("dev")}});
        const QJsonObject joined = node.waitForFrame(QStringLiteral("joined"));
        QCOMPARE(joined.value(QStringLiteral("members")).toVariant().toStringList(),
                 (QStringList{QStringLiteral("Alice"), QStringLiteral("NodeBot")}));

        node.writeFrame({{QStringLiteral("type"), QStringLiteral("send")},
                         {QStringLiteral("id"), QStringLiteral("n-1")},
                         {QStringLiteral("room"), QStringLiteral("dev")},
                         {QStringLiteral("text"), QStringLiteral("beep boop")}});
        const QJsonObject ack = node.waitForFrame(QStringLiteral("ack"));
        QCOMPARE(ack.value(QStringLiteral("id")).toString(), QStringLiteral("n-1"));
        QCOMPARE(ack.value(QStringLiteral("seq")).toInteger(), 1);
        const auto fromNode = alice.waitFor<MessageEvent>();
        QVERIFY(fromNode);
        QCOMPARE(fromNode->message.from, QStringLiteral("NodeBot"));
        QCOMPARE(fromNode->message.text, QStringLiteral("beep boop"));

        alice.send(Send{QStringLiteral("a-1"), {}, QStringLiteral("NodeBot"), QStringLiteral("a secret"), {}});
        QVERIFY(alice.waitFor<Ack>([](const Ack &a) { return a.id == u"a-1"; }));
        const QJsonObject direct = [&] {
            for (;;) {
                QJsonObject frame = node.waitForFrame(QStringLiteral("message"));
                if (frame.isEmpty() || frame.contains(QStringLiteral("to")))
                    return frame;
            }
        }();
        QCOMPARE(direct.value(QStringLiteral("from")).toString(), QStringLiteral("Alice"));
        QCOMPARE(direct.value(QStringLiteral("text")).toString(), QStringLiteral("a secret"));

        node.writeLine(QStringLiteral("{not json"));
        const QJsonObject error = node.waitForFrame(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("bad_request"));
    }

    void requiredTlsRefusesPlainClientsFromOtherHosts()
    {
        if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("ip")).isEmpty())
            QSKIP("needs root and iproute2 to make a network namespace");
        OtherHost other;
        if (!other.isReady()) // root without CAP_NET_ADMIN, as in some containers
            QSKIP("could not make a network namespace here");
        ServerConfig config = TestServer::defaultConfig();
        config.bindAddress = OtherHost::thisEnd();
        config.tls = ServerConfig::Tls::Required;
        TestServer server(config);
        QVERIFY(server.start());

        // Unencrypted from another host: told why, and closed with 1008.
        NodeScript plain(QStringLiteral("natter-client.js"), server.url(), other.launcher());
        QVERIFY(plain.started());
        const QJsonObject error = plain.waitForFrame(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("tls_required"));
        QCOMPARE(plain.waitForFrame(QStringLiteral("close")).value(QStringLiteral("code")).toInt(), 1008);

        // Encrypted from the same host: welcome.
        NodeScript encrypted(QStringLiteral("natter-client.js"), server.inviteUrl(), other.launcher());
        QVERIFY(encrypted.started());
        QVERIFY2(encrypted.waitForFrame(QStringLiteral("open")).value(QStringLiteral("encrypted")).toBool(),
                 qPrintable(encrypted.output()));
        encrypted.writeFrame(
            {{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("name"), QStringLiteral("Far")}});
        QCOMPARE(encrypted.waitForFrame(QStringLiteral("welcome")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Far"));
    }

    void nodeFollowsAnInviteLinkOverTls()
    {
        TestServer server;
        QVERIFY(server.start());
        NodeScript node(QStringLiteral("natter-client.js"), server.inviteUrl());
        QVERIFY(node.started());
        const QJsonObject open = node.waitForFrame(QStringLiteral("open"));
        QVERIFY2(open.value(QStringLiteral("encrypted")).toBool(), qPrintable(node.output()));
        node.writeFrame(
            {{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("name"), QStringLiteral("NodeBot")}});
        QCOMPARE(node.waitForFrame(QStringLiteral("welcome")).value(QStringLiteral("name")).toString(),
                 QStringLiteral("NodeBot"));

        // The same server under another fingerprint is not the invited one: no upgrade, no frame.
        QUrl wrong = server.inviteUrl();
        wrong.setFragment(QStringLiteral("sha256=") + QString(64, u'0'));
        NodeScript misled(QStringLiteral("natter-client.js"), wrong);
        QVERIFY(misled.started());
        const QJsonObject failed = misled.waitForFrame(QStringLiteral("failed"));
        QVERIFY2(failed.value(QStringLiteral("reason")).toString().contains(u"not the invited server"),
                 qPrintable(misled.output()));
        QVERIFY(misled.waitForFrame(QStringLiteral("open"), 500).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNodeClients)
#include "tst_nodeclients.moc"
