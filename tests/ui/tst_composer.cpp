// The composer: Enter sends, Shift+Enter breaks the line, and the size limit is visible before it bites.

#include "composer.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Natter;

class TestComposer : public QObject
{
    Q_OBJECT

private slots:
    void enterSendsAndClears()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("hello"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), QStringLiteral("hello"));
        QVERIFY(composer.text().isEmpty());
    }

    void shiftEnterStartsANewLine()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("first"));
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer.editor(), QStringLiteral("second"));
        QCOMPARE(sent.size(), 0);
        QTest::keyClick(composer.editor(), Qt::Key_Enter);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), QStringLiteral("first\nsecond"));
    }

    void blankMessagesAreNotSent()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        auto *send = composer.findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(send);
        QTest::keyClicks(composer.editor(), QStringLiteral("   "));
        QVERIFY(!send->isEnabled());
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
    }

    void typingIsReported()
    {
        Composer composer;
        QSignalSpy typing(&composer, &Composer::typing);
        QTest::keyClicks(composer.editor(), QStringLiteral("abc"));
        QCOMPARE(typing.size(), 3); // the client throttles what reaches the network
    }

    void limitIsShownAndEnforced()
    {
        Composer composer;
        composer.setMaxBytes(10);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        auto *counter = composer.findChild<QLabel *>(QStringLiteral("composerCounter"));
        auto *send = composer.findChild<QPushButton *>(QStringLiteral("sendButton"));
        QVERIFY(counter && send);
        QTest::keyClicks(composer.editor(), QStringLiteral("1234567"));
        QVERIFY(!counter->isVisible()); // 7 of 10: not yet worth a warning
        QTest::keyClicks(composer.editor(), QStringLiteral("8"));
        QVERIFY(counter->isVisible());
        QCOMPARE(counter->text(), QStringLiteral("Bytes left: 2"));
        composer.editor()->insertPlainText(QStringLiteral("€")); // three bytes in UTF-8
        QCOMPARE(counter->text(), QStringLiteral("Bytes over the limit: 1"));
        QVERIFY(!send->isEnabled());
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        QVERIFY(!composer.text().isEmpty()); // nothing typed is thrown away
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
