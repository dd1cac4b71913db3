// ResumeTracker: what a hello asks the server to continue after a reconnect or a restart.

#include "resumetracker.h"

#include <QTest>

using namespace Natter;

class TestResumeTracker : public QObject
{
    Q_OBJECT

private slots:
    void helloSinceNamesWhatCanBeContinued()
    {
        ResumeTracker resume;
        resume.reset({{ConversationId::room(QStringLiteral("dev")), 41},
                      {ConversationId::room(QStringLiteral("empty")), 0},
                      {ConversationId::direct(QStringLiteral("Bob")), 3}});
        resume.follow(ConversationId::direct(QStringLiteral("Cy")));
        resume.noteSeq(ConversationId::room(QStringLiteral("dev")), 44);
        resume.noteSeq(ConversationId::room(QStringLiteral("dev")), 42); // older: keeps 44
        // Neither joined nor followed: nothing to resume, however many a server sends.
        resume.noteSeq(ConversationId::room(QStringLiteral("elsewhere")), 7);
        resume.noteSeq(ConversationId::direct(QStringLiteral("Stranger")), 9);
        QSet<QString> named;
        const QHash<QString, qint64> since = resume.since(&named);
        QCOMPARE(since.value(QStringLiteral("dev")), 44);
        QCOMPARE(since.value(QStringLiteral("@Bob")), 3);
        QCOMPARE(since.value(QStringLiteral("@Cy"), -1), 0);
        QVERIFY(!since.contains(QStringLiteral("empty")));
        QVERIFY(!since.contains(QStringLiteral("elsewhere")));
        QVERIFY(!since.contains(QStringLiteral("@Stranger")));
        QCOMPARE(named, QSet<QString>{QStringLiteral("dev")});
        QCOMPARE(resume.roomsToJoin(), QStringList{QStringLiteral("empty")});
        resume.left(QStringLiteral("dev"));
        QVERIFY(!resume.since().contains(QStringLiteral("dev")));
        QCOMPARE(resume.rooms(), QStringList{QStringLiteral("empty")});
    }
};

QTEST_GUILESS_MAIN(TestResumeTracker)
#include "tst_resumetracker.moc"
