// The built natter-server executable, run as a real process: command line, chat, shutdown on signals, crash safety.

#include "servermessages.h"
#include "testclient.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Natter::Protocol;

namespace {

constexpr int StartTimeoutMs = 15'000;
constexpr int ExitTimeoutMs = 15'000;

QString serverBinary()
{
    return QStringLiteral(NATTER_SERVER_BINARY);
}

// A port nobody listens on right now: bind to port 0, read what the system chose, and let it go again.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QUrl localUrl(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

// One natter-server process; killed when it goes out of scope, so that a failing test leaves nothing behind.
class ServerProcess
{
public:
    explicit ServerProcess(const QStringList &arguments) { m_process.start(serverBinary(), arguments); }
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(ExitTimeoutMs);
        }
    }
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Waits until the server printed the URL people join it at, which it does once it listens.
    bool waitUntilListening(quint16 port)
    {
        const QString url = localUrl(port).toString();
        TestClient::waitUntil([&] { return standardOutput().contains(url) || !isRunning(); }, StartTimeoutMs);
        return standardOutput().contains(url);
    }
    // Waits with the event loop running, so that clients in this process can answer the server's close.
    bool waitForExit(int timeoutMs = ExitTimeoutMs)
    {
        return TestClient::waitUntil([this] { return !isRunning(); }, timeoutMs);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString standardOutput()
    {
        m_stdout += QString::fromUtf8(m_process.readAllStandardOutput());
        return m_stdout;
    }
    QString standardError()
    {
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        return m_stderr;
    }
    QString describe() { return QStringLiteral("stdout: %1\nstderr: %2").arg(standardOutput(), standardError()); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_stdout;
    QString m_stderr;
};

// Everything a room's history holds, oldest first, read page by page with history requests.
QList<ChatMessage> readWholeHistory(TestClient &client, const QString &room, const Joined &joined)
{
    QList<ChatMessage> messages = joined.history;
    bool more = joined.more;
    while (more && !messages.isEmpty()) {
        client.send(HistoryRequest{room, {}, messages.constFirst().seq, 200});
        const auto page = client.waitFor<HistoryPage>([&](const HistoryPage &p) { return p.room == room; });
        if (!page) {
            qWarning() << "no history page for" << room << "before" << messages.constFirst().seq;
            return {};
        }
        if (page->messages.isEmpty())
            break;
        messages = page->messages + messages;
        more = page->more;
    }
    return messages;
}

std::optional<Joined> join(TestClient &client, const QString &room)
{
    client.send(Join{room});
    return client.waitFor<Joined>([&](const Joined &joined) { return joined.room == room; });
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void version();
    void help();
    void badCommandLineFails_data();
    void badCommandLineFails();

    void chatThenStopOnSignal_data();
    void chatThenStopOnSignal();
    void killDuringBurstLosesNoAckedMessage();

    void portAlreadyTaken();
    void unusableDatabase_data();
    void unusableDatabase();
    void wrongPasswordIsRejected();

private:
    // --bind 127.0.0.1 --port <port> --db <dir>/history.sqlite, and any extra arguments.
    QStringList serverArguments(quint16 port, const QStringList &extra = {}) const;
    QString databasePath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }

    QTemporaryDir m_dir;
};

void TestServerProcess::initTestCase()
{
    QVERIFY2(QFile::exists(serverBinary()), qPrintable(serverBinary()));
    QVERIFY(m_dir.isValid());
}

QStringList TestServerProcess::serverArguments(quint16 port, const QStringList &extra) const
{
    return QStringList{QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                       QString::number(port),    QStringLiteral("--db"),      databasePath()}
    + extra;
}

void TestServerProcess::version()
{
    ServerProcess server({QStringLiteral("--version")});
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    QCOMPARE(server.standardOutput().trimmed(), QStringLiteral("natter-server " NATTER_VERSION));
    QCOMPARE(server.standardOutput().trimmed(), QStringLiteral("natter-server 0.1.0"));
    QVERIFY2(server.standardError().isEmpty(), qPrintable(server.standardError()));
}

void TestServerProcess::help()
{
    ServerProcess server({QStringLiteral("--help")});
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);
    const QString text = server.standardOutput();
    for (const char *option : {"--port", "--bind", "--name", "--db", "--password", "--max-clients", "--config"})
        QVERIFY2(text.contains(QString::fromUtf8(option)), option);
    QVERIFY2(server.standardError().isEmpty(), qPrintable(server.standardError()));
}

void TestServerProcess::badCommandLineFails_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    QTest::newRow("unknown option") << QStringList{s("--colour"), s("blue")} << s("colour");
    QTest::newRow("bad port") << QStringList{s("--port"), s("70000")} << s("--port");
    QTest::newRow("port not a number") << QStringList{s("--port"), s("abc")} << s("--port");
    QTest::newRow("bad bind") << QStringList{s("--bind"), s("nowhere")} << s("--bind");
    QTest::newRow("no clients") << QStringList{s("--max-clients"), s("0")} << s("--max-clients");
    QTest::newRow("positional argument") << QStringList{s("surplus")} << s("surplus");
    QTest::newRow("missing config") << QStringList{s("--config"), s("/nonexistent/natter.ini")}
                                    << s("/nonexistent/natter.ini");
}

void TestServerProcess::badCommandLineFails()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    ServerProcess server(arguments);
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QVERIFY(server.process().exitCode() != 0);
    const QString error = server.standardError();
    QVERIFY2(error.contains(mentions), qPrintable(server.describe()));
    QVERIFY2(error.contains(QStringLiteral("natter-server")), qPrintable(server.describe()));
    QVERIFY2(!server.standardOutput().contains(QStringLiteral("ws://")), qPrintable(server.describe()));
}

void TestServerProcess::chatThenStopOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");

    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
}

void TestServerProcess::chatThenStopOnSignal()
{
    QFETCH(int, signalNumber);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("chat.sqlite"));
    const QString room = QStringLiteral("general");

    const quint16 port = freePort();
    QVERIFY(port != 0);
    ServerProcess server({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                          QString::number(port), QStringLiteral("--db"), db, QStringLiteral("--name"),
                          QStringLiteral("Process Test")});
    QVERIFY2(server.waitUntilListening(port), qPrintable(server.describe()));

    TestClient alice;
    TestClient bob;
    QVERIFY(alice.open(localUrl(port)));
    QVERIFY(bob.open(localUrl(port)));
    QVERIFY(alice.signIn(QStringLiteral("alice")));
    QVERIFY(bob.signIn(QStringLiteral("bob")));
    QVERIFY(alice.joinRoom(room));
    QVERIFY(bob.joinRoom(room));

    // Each sees what the other says; both ask for an ack, which comes only once the message is stored.
    struct Said
    {
        QString from;
        QString id;
        QString text;
        qint64 seq;
    };
    QList<Said> said;
    for (int round = 0; round < 3; ++round) {
        for (TestClient *speaker : {&alice, &bob}) {
            TestClient *listener = speaker == &alice ? &bob : &alice;
            const QString id = QStringLiteral("%1-%2").arg(speaker->name()).arg(round);
            const QString text = QStringLiteral("round %1 from %2").arg(round).arg(speaker->name());
            const qint64 seq = speaker->say(room, text, id);
            QVERIFY2(seq > 0, qPrintable(text));
            const auto seen = listener->waitFor<MessageEvent>(
                [&](const MessageEvent &event) { return event.message.room == room && event.message.id == id; });
            QVERIFY2(seen, qPrintable(text));
            QCOMPARE(seen->message.text, text);
            QCOMPARE(seen->message.from, speaker->name());
            QCOMPARE(seen->message.seq, seq);
            said.append({speaker->name(), id, text, seq});
        }
    }

    if (signalNumber == SIGTERM)
        server.process().terminate();
    else
        QCOMPARE(::kill(static_cast<pid_t>(server.process().processId()), signalNumber), 0);

    // Both clients are told the server is going away, and the server exits cleanly.
    QVERIFY(alice.waitForDisconnect(ExitTimeoutMs));
    QVERIFY(bob.waitForDisconnect(ExitTimeoutMs));
    QCOMPARE(alice.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QCOMPARE(bob.closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    QVERIFY2(server.waitForExit(), qPrintable(server.describe()));
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.process().exitCode(), 0);

    // A new server on the same history file has every message, in order, with the seqs that were acknowledged.
    const quint16 secondPort = freePort();
    QVERIFY(secondPort != 0);
    ServerProcess restarted({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                             QString::number(secondPort), QStringLiteral("--db"), db});
    QVERIFY2(restarted.waitUntilListening(secondPort), qPrintable(restarted.describe()));
    TestClient carol;
    QVERIFY(carol.open(localUrl(secondPort)));
    QVERIFY(carol.signIn(QStringLiteral("carol")));
    const auto joined = join(carol, room);
    QVERIFY(joined);
    const QList<ChatMessage> history = readWholeHistory(carol, room, *joined);
    QCOMPARE(history.size(), said.size());
    for (qsizetype i = 0; i < said.size(); ++i) {
        QCOMPARE(history[i].from, said[i].from);
        QCOMPARE(history[i].id, said[i].id);
        QCOMPARE(history[i].text, said[i].text);
        QCOMPARE(history[i].seq, said[i].seq);
        QCOMPARE(history[i].room, room);
    }
}

void TestServerProcess::killDuringBurstLosesNoAckedMessage()
{
    constexpr int MessageCount = 2000;
    constexpr int KillAfterAcks = 300;
    // At most this many sent and not yet acknowledged: the sender goes as fast as the server acknowledges, and
    // the kill lands mid-burst (with everything sent at once, the server stores all 2000 before the client has
    // read the 300th ack).
    constexpr int InFlight = 200;
    const QString room = QStringLiteral("burst");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("burst.sqlite"));
    const QString configPath = dir.filePath(QStringLiteral("natter.ini"));
    {
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Text));
        config.write("[limits]\nmessages-per-second=100000\nburst=100000\n");
    }

    const quint16 port = freePort();
    QVERIFY(port != 0);
    ServerProcess server({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                          QString::number(port), QStringLiteral("--db"), db, QStringLiteral("--config"), configPath});
    QVERIFY2(server.waitUntilListening(port), qPrintable(server.describe()));

    // Declared before the client whose handler writes them, so that they outlive it.
    QHash<QString, qint64> ackedSeqs;
    int duplicateAcks = 0;
    bool killed = false;
    int sent = 0;
    int sentAtKill = 0;
    TestClient sender;
    QVERIFY(sender.open(localUrl(port)));
    QVERIFY(sender.signIn(QStringLiteral("sender")));
    QVERIFY(sender.joinRoom(room));

    const auto sendMore = [&] {
        for (; sent < MessageCount && sent - ackedSeqs.size() < InFlight; ++sent) {
            sender.send(Send{QStringLiteral("burst-%1").arg(sent),
                             room,
                             {},
                             QStringLiteral("burst message %1").arg(sent),
                             MessageKind::Text});
        }
    };
    // Every ack is recorded as it arrives; the server is killed from inside the handler of the 300th.
    connect(&sender.socket(), &QWebSocket::textMessageReceived, this, [&](const QString &frame) {
        auto decoded = decodeServerFrame(frame);
        if (!decoded)
            return;
        const auto *ack = std::get_if<Ack>(&decoded.value());
        if (!ack)
            return;
        if (ackedSeqs.contains(ack->id))
            ++duplicateAcks;
        ackedSeqs.insert(ack->id, ack->seq);
        if (!killed && ackedSeqs.size() >= KillAfterAcks) {
            killed = true;
            sentAtKill = sent;
            server.process().kill();
        }
        if (!killed)
            sendMore();
    });
    sendMore();

    QVERIFY2(TestClient::waitUntil([&] { return killed; }, 30'000),
             qPrintable(QStringLiteral("%1 acks arrived").arg(ackedSeqs.size())));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::CrashExit);
    // Acks already on their way are still read; when the connection is gone, nothing more can come.
    QVERIFY(sender.waitForDisconnect(ExitTimeoutMs));
    QCOMPARE(duplicateAcks, 0);
    qInfo("killed after %d of %d messages were sent and %d acknowledged", sentAtKill, MessageCount,
          int(ackedSeqs.size()));
    QVERIFY(sentAtKill < MessageCount);

    // Restart on the same history file and read all of it.
    const quint16 secondPort = freePort();
    QVERIFY(secondPort != 0);
    ServerProcess restarted({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                             QString::number(secondPort), QStringLiteral("--db"), db, QStringLiteral("--config"),
                             configPath});
    QVERIFY2(restarted.waitUntilListening(secondPort), qPrintable(restarted.describe()));
    TestClient reader;
    QVERIFY(reader.open(localUrl(secondPort)));
    QVERIFY(reader.signIn(QStringLiteral("reader")));
    const auto joined = join(reader, room);
    QVERIFY(joined);
    const QList<ChatMessage> history = readWholeHistory(reader, room, *joined);
    QVERIFY(!history.isEmpty());

    QHash<QString, qint64> storedSeqs;
    qint64 previousSeq = 0;
    for (const ChatMessage &message : history) {
        QVERIFY2(message.seq > previousSeq,
                 qPrintable(QStringLiteral("seq %1 after %2").arg(message.seq).arg(previousSeq)));
        previousSeq = message.seq;
        QVERIFY2(!storedSeqs.contains(message.id), qPrintable(QStringLiteral("%1 stored twice").arg(message.id)));
        storedSeqs.insert(message.id, message.seq);
        QCOMPARE(message.from, QStringLiteral("sender"));
        QCOMPARE(message.text, QStringLiteral("burst message %1").arg(message.id.mid(6)));
    }
    // Every acknowledged message survived the kill, under the seq its ack announced.
    for (auto it = ackedSeqs.cbegin(); it != ackedSeqs.cend(); ++it) {
        QVERIFY2(storedSeqs.contains(it.key()), qPrintable(QStringLiteral("acked %1 is missing").arg(it.key())));
        QCOMPARE(storedSeqs.value(it.key()), it.value());
    }
    QVERIFY(storedSeqs.size() >= ackedSeqs.size());
    QVERIFY(storedSeqs.size() <= sentAtKill);
    qInfo("%d messages survived", int(storedSeqs.size()));
}

void TestServerProcess::portAlreadyTaken()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const quint16 port = occupant.serverPort();

    ServerProcess server(serverArguments(port));
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QVERIFY(server.process().exitCode() != 0);
    const QString error = server.standardError();
    QVERIFY2(error.contains(QString::number(port)), qPrintable(server.describe()));
    QVERIFY2(error.contains(QStringLiteral("port")), qPrintable(server.describe()));
    QVERIFY2(!server.standardOutput().contains(QStringLiteral("ws://")), qPrintable(server.describe()));
}

void TestServerProcess::unusableDatabase_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("a folder") << QStringLiteral("folder");
    QTest::newRow("a file of garbage") << QStringLiteral("garbage");
    QTest::newRow("under a file") << QStringLiteral("under-file");
}

void TestServerProcess::unusableDatabase()
{
    QFETCH(QString, kind);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString db;
    if (kind == u"folder") {
        db = dir.path();
    } else {
        QFile file(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage;
        for (int i = 0; i < 8192; ++i)
            garbage.append(char((i * 7919 + 13) % 251));
        file.write(garbage);
        db = kind == u"garbage" ? file.fileName() : file.fileName() + QStringLiteral("/inner/history.sqlite");
    }

    const quint16 port = freePort();
    QVERIFY(port != 0);
    ServerProcess server({QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                          QString::number(port), QStringLiteral("--db"), db});
    QVERIFY(server.waitForExit());
    QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
    QVERIFY(server.process().exitCode() != 0);
    const QString error = server.standardError();
    QVERIFY2(error.contains(QStringLiteral("database"), Qt::CaseInsensitive), qPrintable(server.describe()));
    QVERIFY2(!server.standardOutput().contains(QStringLiteral("ws://")), qPrintable(server.describe()));
    if (kind == u"garbage") {
        // The garbage is left as it was: the server does not overwrite a file it cannot read.
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), qint64(8192));
    }
}

void TestServerProcess::wrongPasswordIsRejected()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    ServerProcess server(serverArguments(port, {QStringLiteral("--password"), QStringLiteral("pw")}));
    QVERIFY2(server.waitUntilListening(port), qPrintable(server.describe()));

    TestClient intruder;
    QVERIFY(intruder.open(localUrl(port)));
    intruder.send(Hello{QStringLiteral("intruder"), QStringLiteral("wrong"), {}, {}, {}});
    const auto error = intruder.waitFor<ErrorEvent>();
    QVERIFY(error);
    QCOMPARE(errorCodeWord(error->code), QStringLiteral("auth_failed"));
    QVERIFY(!intruder.receives<Welcome>([](const Welcome &) { return true; }, 0));

    TestClient noPassword;
    QVERIFY(noPassword.open(localUrl(port)));
    noPassword.send(Hello{QStringLiteral("nopassword"), {}, {}, {}, {}});
    const auto missing = noPassword.waitFor<ErrorEvent>();
    QVERIFY(missing);
    QCOMPARE(missing->code, ErrorCode::AuthFailed);

    // The right password gets in.
    TestClient member;
    QVERIFY(member.open(localUrl(port)));
    QVERIFY(member.signIn(QStringLiteral("member"), {}, {}, QStringLiteral("pw")));
    QCOMPARE(member.name(), QStringLiteral("member"));
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
