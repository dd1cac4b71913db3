// Node's "ws" clients, unchanged tutorial code and a natter.v1 script, chatting with Qt clients.

#include "testclient.h"
#include "testserver.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Natter;
using namespace Natter::Protocol;

namespace {

// A Node script run with the ws package on its module path; collects its output lines.
class NodeScript
{
public:
    NodeScript(const QString &script, const QUrl &url)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("NODE_PATH"), QStringLiteral(NATTER_NODE_MODULES));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        });
        m_process.start(QStandardPaths::findExecutable(QStringLiteral("node")),
                        {QStringLiteral(NATTER_INTEROP_DIR "/") + script, url.toString()});
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
