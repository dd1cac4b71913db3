// Cold start of the desktop app with a full cache: the time from starting the natter process until its main
// window has painted its first frame, with the server unreachable so that only the cache can fill the window.
// Run by hand in a release build: bench_startup [repeats]. Prints each run and the median.

#include "clientcache.h"
#include "serveraddress.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Natter;

namespace {

constexpr int Rooms = 12;
constexpr int DirectConversations = 20;
constexpr int BigRoomMessages = 100'000;
constexpr int OtherMessages = 2'000;

Protocol::ChatMessage makeMessage(const ConversationId &id, qint64 seq, const QString &self)
{
    static const QStringList senders{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    Protocol::ChatMessage message;
    message.seq = seq;
    message.id = QStringLiteral("m%1").arg(seq);
    message.from = id.isRoom() ? senders.at(int(seq % senders.size())) : (seq % 2 ? id.name : self);
    if (id.isRoom())
        message.room = id.name;
    else
        message.to = message.from == self ? id.name : self;
    message.text = QStringLiteral("message %1 with some ordinary chat text, and a bit more of it").arg(seq);
    message.ts = QDateTime(QDate(2026, 1, 1), QTime(9, 0)).toMSecsSinceEpoch() + seq * 30'000;
    return message;
}

// Fills the cache the app will open for `name` on `url`: one busy room, other rooms and direct conversations.
void fillCache(const QString &dataDirectory, const QUrl &url, const QString &name)
{
    ClientCache cache;
    if (!cache.open(ClientCache::pathFor(dataDirectory, ServerAddress::identity(url), name)))
        qFatal("cannot create the cache: %s", qPrintable(cache.lastError()));
    for (int i = 0; i < Rooms + DirectConversations; ++i) {
        const bool room = i < Rooms;
        const ConversationId id = room
            ? ConversationId::room(i == 0 ? QStringLiteral("lobby") : QStringLiteral("room-%1").arg(i))
            : ConversationId::direct(QStringLiteral("person%1").arg(i));
        ClientCache::ConversationRecord record;
        record.id = id;
        record.joined = true;
        record.memberCount = 30;
        record.topic = room ? QStringLiteral("Topic of %1, see https://example.org/%1").arg(id.name) : QString();
        record.unread = i % 3;
        record.lastActivity = QDateTime::currentDateTime().addSecs(-qint64(i) * 60);
        const int count = i == 0 ? BigRoomMessages : OtherMessages;
        QList<Protocol::ChatMessage> messages;
        messages.reserve(count);
        for (qint64 seq = 1; seq <= count; ++seq)
            messages.append(makeMessage(id, seq, name));
        record.lastReadSeq = count - record.unread;
        cache.saveConversation(record);
        cache.addMessages(id, messages);
        cache.flush();
    }
    cache.setValue(QStringLiteral("current-conversation"), QStringLiteral("#lobby"));
    cache.close();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 7;
    QTextStream out(stdout);

    QTemporaryDir home;
    // A port nobody listens on: the app shows its cache and keeps trying to connect.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(probe.serverPort()));
    probe.close();

    const QString name = QStringLiteral("Ada");
    const QString dataDirectory = home.filePath(QStringLiteral(".local/share/Natter/natter"));
    QElapsedTimer filling;
    filling.start();
    fillCache(dataDirectory, url, name);
    out << "cache: " << Rooms << " rooms, " << DirectConversations << " direct conversations, " << BigRoomMessages
        << " messages in #lobby, filled in " << filling.elapsed() << " ms\n";
    {
        QSettings settings(home.filePath(QStringLiteral(".config/Natter/natter.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("user/name"), name);
        settings.setValue(QStringLiteral("start/lastMode"), QStringLiteral("join"));
        settings.setValue(QStringLiteral("start/lastUrl"), url.toString());
        settings.setValue(QStringLiteral("start/resumeLastChat"), true);
    }

    QList<qint64> times;
    for (int run = 0; run < repeats; ++run) {
        QProcess natter;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.remove(QStringLiteral("XDG_CONFIG_HOME"));
        environment.remove(QStringLiteral("XDG_DATA_HOME"));
        if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("natter.ui.debug=true"));
        natter.setProcessEnvironment(environment);
        natter.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        natter.start(QStringLiteral(NATTER_APP_PATH), {});
        QByteArray output;
        qint64 painted = -1;
        while (painted < 0 && timer.elapsed() < 20'000 && natter.waitForReadyRead(20'000)) {
            output += natter.readAll();
            if (output.contains("first frame painted"))
                painted = timer.elapsed();
        }
        natter.kill();
        natter.waitForFinished();
        if (painted < 0)
            qFatal("natter did not paint its window:\n%s", output.constData());
        times.append(painted);
        out << "run " << run + 1 << ": first frame after " << painted << " ms\n";
        out.flush();
    }
    std::sort(times.begin(), times.end());
    out << "cold start to a painted window, median of " << repeats << ": " << times.at(times.size() / 2) << " ms (min "
        << times.first() << ", max " << times.last() << ")\n";
    return 0;
}
