// The composer: Enter sends, Shift+Enter breaks the line, it grows with the text, and the size limit is told
// in characters before it bites.

#include "characterbudget.h"
#include "composer.h"
#include "membermodel.h"
#include "mentioncompleter.h"

#include <QAccessible>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Natter;
using namespace Qt::StringLiterals;

namespace {
// Composed "é", the same letter decomposed, and a family of three joined by zero-width joiners.
const QString ComposedE = u"\u00e9"_s; // 2 bytes
const QString DecomposedE = u"e\u0301"_s; // 3 bytes
const QString Family = u"\U0001F468\u200D\U0001F469\u200D\U0001F467"_s; // 18 bytes

QLabel *counterOf(const Composer &composer)
{
    return composer.findChild<QLabel *>(u"composerCounter"_s);
}

QPushButton *sendButtonOf(const Composer &composer)
{
    return composer.findChild<QPushButton *>(u"sendButton"_s);
}

// The number the counter shows, whatever plural form or language surrounds it.
int numberIn(const QString &text)
{
    const QRegularExpressionMatch match = QRegularExpression(u"\\d+"_s).match(text);
    return match.hasMatch() ? match.captured().toInt() : -1;
}

// WCAG relative luminance and contrast ratio, to hold the warning colour to a readable standard.
double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void typeLines(QPlainTextEdit *editor, int lines)
{
    for (int i = 0; i < lines; ++i) {
        if (i > 0)
            QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(editor, u"line %1"_s.arg(i + 1));
    }
}
} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private slots:
    // The strip above the composer quotes the message as it reads, without its formatting marks.
    void replyStripShowsNoFormattingMarks()
    {
        Composer composer;
        composer.beginReply(3, u"Cleo"_s, u"First **bold** and `code`"_s);
        QWidget *bar = composer.findChild<QWidget *>(u"editBar"_s);
        QVERIFY(bar);
        QStringList texts;
        for (const QLabel *label : bar->findChildren<QLabel *>())
            texts << label->text();
        QVERIFY2(texts.contains(u"First bold and code"_s), qPrintable(texts.join(u" | ")));
    }

    void atOffersTheMembersAndTabCompletes()
    {
        QWidget window;
        auto *composer = new Composer(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(composer);
        MemberModel members;
        members.setOwnName(u"Ada"_s);
        members.setMembers({u"Ada"_s, u"alice"_s, u"Bob"_s, u"Alan Kay"_s});
        composer->setMembers(&members);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QPlainTextEdit *editor = composer->editor();
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        MentionCompleter *mentions = composer->mentionCompleter();
        QSignalSpy sent(composer, &Composer::sendRequested);

        QTest::keyClicks(editor, u"hi @a"_s);
        QVERIFY(mentions->isActive());
        QCOMPARE(mentions->offered(), (QStringList{u"Alan Kay"_s, u"alice"_s})); // never the user
        QVERIFY(editor->hasFocus()); // the list does not take the keys
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_Tab);
        QCOMPARE(editor->toPlainText(), u"hi @alice "_s);
        QVERIFY(!mentions->isActive());
        QVERIFY(editor->hasFocus()); // Tab completed rather than moving the focus

        // Enter completes too, and sends nothing.
        QTest::keyClicks(editor, u"and @B"_s);
        QCOMPARE(mentions->offered(), QStringList{u"Bob"_s});
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), u"hi @alice and @Bob "_s);
        QCOMPARE(sent.size(), 0);

        // Escape closes the list and keeps what was typed; no match, no list; an address is not a mention.
        QTest::keyClicks(editor, u"@al"_s);
        QVERIFY(mentions->isActive());
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!mentions->isActive());
        QVERIFY(editor->toPlainText().endsWith(u"@al"_s));
        QTest::keyClicks(editor, u" @zed"_s);
        QVERIFY(!mentions->isActive());
        QTest::keyClicks(editor, u" mail@a"_s);
        QVERIFY(!mentions->isActive());
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
    }

    void enterSendsAndClears()
    {
        Composer composer;
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), u"hello"_s);
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), u"hello"_s);
        QVERIFY(composer.text().isEmpty());
    }

    void shiftEnterStartsANewLine()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), u"first"_s);
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer.editor(), u"second"_s);
        QCOMPARE(sent.size(), 0);
        QTest::keyClick(composer.editor(), Qt::Key_Enter);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), u"first\nsecond"_s);
    }

    void ctrlEnterSendsAndEscapeKeepsTheText()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), u"hi"_s);
        QTest::keyClick(composer.editor(), Qt::Key_Escape);
        QCOMPARE(composer.text(), u"hi"_s);
        QCOMPARE(sent.size(), 0);
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().first().toString(), u"hi"_s);
        QVERIFY(composer.text().isEmpty());
    }

    void blankMessagesAreNotSent()
    {
        Composer composer;
        QSignalSpy sent(&composer, &Composer::sendRequested);
        auto *send = sendButtonOf(composer);
        QVERIFY(send);
        QVERIFY(!send->isEnabled());
        QTest::keyClicks(composer.editor(), u"   "_s);
        QVERIFY(!send->isEnabled());
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        QTest::keyClicks(composer.editor(), u"x"_s);
        QVERIFY(send->isEnabled());
    }

    void typingIsReported()
    {
        Composer composer;
        QSignalSpy typing(&composer, &Composer::typing);
        QTest::keyClicks(composer.editor(), u"abc"_s);
        QCOMPARE(typing.size(), 3); // the client throttles what reaches the network
    }

    void growsLineByLineUpToEightThenScrolls()
    {
        Composer composer;
        composer.resize(400, composer.sizeHint().height());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QPlainTextEdit *editor = composer.editor();
        const int lineSpacing = editor->fontMetrics().lineSpacing();

        // One line tall: room for a line, not for two.
        const int oneLine = editor->height();
        QVERIFY(editor->viewport()->height() >= lineSpacing);
        QVERIFY(editor->viewport()->height() < 2 * lineSpacing);

        int previous = oneLine;
        QTest::keyClicks(editor, u"line 1"_s);
        QCOMPARE(editor->height(), oneLine);
        for (int line = 2; line <= Composer::MaximumVisibleLines; ++line) {
            QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
            QTest::keyClicks(editor, u"line %1"_s.arg(line));
            QVERIFY2(editor->height() > previous, qPrintable(u"line %1"_s.arg(line)));
            previous = editor->height();
        }
        // Every one of the eight lines is on screen, nothing scrolls yet.
        QTRY_COMPARE(editor->verticalScrollBar()->maximum(), 0);
        QVERIFY(previous >= oneLine + (Composer::MaximumVisibleLines - 1) * (lineSpacing - 1));

        for (int line = Composer::MaximumVisibleLines + 1; line <= 12; ++line) {
            QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
            QTest::keyClicks(editor, u"line %1"_s.arg(line));
            QCOMPARE(editor->height(), previous);
        }
        QTRY_VERIFY(editor->verticalScrollBar()->maximum() > 0);
    }

    void wrappedLinesMakeItGrowToo()
    {
        Composer composer;
        composer.resize(300, composer.sizeHint().height());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QPlainTextEdit *editor = composer.editor();
        const int oneLine = editor->height();
        composer.setText(u"words that wrap "_s.repeated(8)); // one paragraph, several lines at this width
        QVERIFY(!composer.text().contains(u'\n'));
        QTRY_VERIFY(editor->height() > oneLine + editor->fontMetrics().lineSpacing());
        QTRY_COMPARE(editor->verticalScrollBar()->maximum(), 0); // all of it visible, no scrolling needed

        // Wider, the same text needs fewer lines.
        const int narrowHeight = editor->height();
        composer.resize(1200, composer.height());
        QTRY_VERIFY(editor->height() < narrowHeight);
    }

    void shrinksAfterSendingAndDeleting()
    {
        Composer composer;
        composer.resize(400, composer.sizeHint().height());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QPlainTextEdit *editor = composer.editor();
        const int oneLine = editor->height();

        typeLines(editor, 5);
        QVERIFY(editor->height() > oneLine);
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(composer.text().isEmpty());
        QCOMPARE(editor->height(), oneLine);
        QTRY_COMPARE(composer.height(), composer.sizeHint().height());

        typeLines(editor, 3);
        QVERIFY(editor->height() > oneLine);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QVERIFY(composer.text().isEmpty());
        QCOMPARE(editor->height(), oneLine);
    }

    void charactersAreWhatPeopleSee_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("characters");
        QTest::newRow("ascii") << u"abc"_s << 3;
        QTest::newRow("composed é") << ComposedE << 1;
        QTest::newRow("decomposed é") << DecomposedE << 1;
        QTest::newRow("family emoji") << Family << 1;
        QTest::newRow("mixed") << (u"a"_s + DecomposedE + Family + ComposedE) << 4;
    }

    void charactersAreWhatPeopleSee()
    {
        QFETCH(QString, text);
        QFETCH(int, characters);
        QCOMPARE(CharacterBudget::countCharacters(text), characters);
        QCOMPARE(CharacterBudget::measure(text, 1000).usedBytes, text.toUtf8().size());
    }

    void counterShowsCharactersLeftFromEightyPercent()
    {
        Composer composer;
        composer.setMaxBytes(10);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        auto *counter = counterOf(composer);
        QVERIFY(counter);
        QTest::keyClicks(composer.editor(), u"1234567"_s);
        QVERIFY(!counter->isVisible()); // 7 of 10: not yet worth a warning
        QTest::keyClicks(composer.editor(), u"8"_s);
        QVERIFY(counter->isVisible());
        QVERIFY(counter->text().contains(u"left"_s));
        QCOMPARE(numberIn(counter->text()), 2);
        QTest::keyClick(composer.editor(), Qt::Key_Backspace);
        QVERIFY(!counter->isVisible());
    }

    void charactersLeftFollowTheKindAlreadyTyped_data()
    {
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("left");
        QTest::newRow("ascii") << 100 << u"a"_s.repeated(80) << 20;
        QTest::newRow("two-byte letters") << 100 << ComposedE.repeated(40) << 10; // 20 bytes left, 2 each
        QTest::newRow("decomposed letters") << 100 << DecomposedE.repeated(30) << 3; // 10 bytes left, 3 each
        QTest::newRow("family emoji") << 110 << Family.repeated(5) << 1; // 20 bytes left, 18 each
        QTest::newRow("family emoji, no room") << 100 << Family.repeated(5) << 0; // 10 bytes left
        QTest::newRow("mixed") << 30 << (u"abcdefgh"_s + Family) << 1; // 4 bytes left, about 2.9 each
    }

    void charactersLeftFollowTheKindAlreadyTyped()
    {
        QFETCH(int, maxBytes);
        QFETCH(QString, text);
        QFETCH(int, left);
        Composer composer;
        composer.setMaxBytes(maxBytes);
        composer.setText(text);
        auto *counter = counterOf(composer);
        QVERIFY(!counter->isHidden());
        QVERIFY(counter->text().contains(u"left"_s));
        QCOMPARE(numberIn(counter->text()), left);
    }

    void tooManyIsTheExactNumberToDelete_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("tooMany");
        // 10 bytes allowed throughout.
        QTest::newRow("one emoji over") << (u"aaaa€€"_s + Family) << 1; // 28 bytes, dropping the emoji leaves 10
        QTest::newRow("euros") << u"€€€€€"_s << 2; // 15 bytes: two must go, not five
        QTest::newRow("decomposed letters") << (u"aaaaaaaa"_s + DecomposedE + DecomposedE) << 2; // 14 bytes
        QTest::newRow("one byte over") << u"aaaaaaaaa"_s + ComposedE << 1; // 11 bytes
    }

    void tooManyIsTheExactNumberToDelete()
    {
        QFETCH(QString, text);
        QFETCH(int, tooMany);
        Composer composer;
        composer.setMaxBytes(10);
        composer.setText(text);
        auto *counter = counterOf(composer);
        QVERIFY(!counter->isHidden());
        QVERIFY(counter->text().contains(u"too many"_s));
        QCOMPARE(numberIn(counter->text()), tooMany);

        // Selecting that many characters back from the end and deleting them makes the message sendable; one fewer
        // would not do.
        for (int i = 0; i < tooMany - 1; ++i)
            QTest::keyClick(composer.editor(), Qt::Key_Left, Qt::ShiftModifier);
        const qsizetype oneFewer = composer.editor()->textCursor().selectedText().size();
        QVERIFY(CharacterBudget::measure(QStringView(text).chopped(oneFewer), 10).isOverLimit());
        QTest::keyClick(composer.editor(), Qt::Key_Left, Qt::ShiftModifier);
        const QString selected = composer.editor()->textCursor().selectedText();
        QVERIFY(!sendButtonOf(composer)->isEnabled());
        QTest::keyClick(composer.editor(), Qt::Key_Delete);
        QCOMPARE(composer.text().size(), text.size() - selected.size());
        QVERIFY(sendButtonOf(composer)->isEnabled());
        QVERIFY(!counter->text().contains(u"too many"_s));
    }

    void sendingIsBlockedOverTheLimit()
    {
        Composer composer;
        composer.setMaxBytes(10);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        auto *send = sendButtonOf(composer);
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), u"12345678"_s);
        composer.editor()->insertPlainText(u"€"_s); // three bytes in UTF-8
        QVERIFY(!send->isEnabled());
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ControlModifier);
        send->click();
        QCOMPARE(sent.size(), 0);
        QCOMPARE(composer.text(), u"12345678€"_s); // nothing typed is thrown away, and Enter added no line
    }

    void overTheLimitIsReadableRedInLightAndDarkPalettes_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("windowText");
        QTest::newRow("light") << QColor(0xef, 0xef, 0xef) << QColor(Qt::black);
        QTest::newRow("white") << QColor(Qt::white) << QColor(Qt::black);
        QTest::newRow("dark") << QColor(0x35, 0x35, 0x35) << QColor(0xf0, 0xf0, 0xf0);
        QTest::newRow("black") << QColor(Qt::black) << QColor(Qt::white);
    }

    void overTheLimitIsReadableRedInLightAndDarkPalettes()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, windowText);
        Composer composer;
        QPalette palette = composer.palette();
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, windowText);
        composer.setPalette(palette);
        composer.setMaxBytes(10);
        composer.setText(u"12345678901"_s);
        auto *counter = counterOf(composer);
        const QColor shown = counter->palette().color(counter->foregroundRole());
        QVERIFY2(shown.red() > shown.green() && shown.red() > shown.blue(), qPrintable(shown.name()));
        QVERIFY2(shown.hueF() < 0.05 || shown.hueF() > 0.95, qPrintable(shown.name()));
        QVERIFY2(contrast(shown, window) >= 4.5, qPrintable(shown.name()));

        // Back under the limit it is no longer a warning.
        composer.setText(u"123456789"_s);
        QVERIFY(counter->palette().color(counter->foregroundRole()) != shown);
    }

    void setTextRestoresADraftQuietly()
    {
        Composer composer;
        QSignalSpy typing(&composer, &Composer::typing);
        QSignalSpy edited(&composer, &Composer::textEdited);
        composer.setText(u"a saved draft"_s);
        QCOMPARE(composer.text(), u"a saved draft"_s);
        QVERIFY(composer.editor()->textCursor().atEnd());
        QVERIFY(sendButtonOf(composer)->isEnabled());
        QCOMPARE(typing.size(), 0);
        QCOMPARE(edited.size(), 0);

        QTest::keyClicks(composer.editor(), u"!"_s); // goes after the draft, where the cursor was put
        QCOMPARE(typing.size(), 1);
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.last().first().toString(), u"a saved draft!"_s);

        QTest::keyClick(composer.editor(), Qt::Key_Backspace);
        QCOMPARE(edited.size(), 2);
        QCOMPARE(edited.last().first().toString(), u"a saved draft"_s);

        // Sending and clearing are not the user's edits.
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QVERIFY(composer.text().isEmpty());
        composer.setText(u"another"_s);
        composer.clear();
        QCOMPARE(edited.size(), 2);
    }

    void accessibleNamesAndCounterText()
    {
        Composer composer;
        composer.setMaxBytes(10);
        QCOMPARE(composer.editor()->accessibleName(), u"Message"_s);
        QVERIFY(!sendButtonOf(composer)->accessibleName().isEmpty());

        composer.setText(u"123456789"_s);
        auto *counter = counterOf(composer);
        QAccessibleInterface *label = QAccessible::queryAccessibleInterface(counter);
        QVERIFY(label);
        QCOMPARE(label->text(QAccessible::Name), counter->text());
        QCOMPARE(composer.editor()->accessibleDescription(), counter->text());
    }

    void counterCostsTheEditorNoHeight()
    {
        Composer composer;
        composer.setMaxBytes(10);
        composer.resize(500, composer.sizeHint().height());
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.setText(u"1234"_s);
        const int editorHeight = composer.editor()->height();
        const int composerHeight = composer.sizeHint().height();
        QTest::keyClicks(composer.editor(), u"56789"_s);
        QVERIFY(counterOf(composer)->isVisible());
        QCOMPARE(composer.editor()->height(), editorHeight);
        QCOMPARE(composer.sizeHint().height(), composerHeight);
    }

    void editorKeepsOneLineInATinyHeightBudget()
    {
        // A chat pane squeezed hard: the message list takes what it can, the composer gets almost nothing.
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QListView, 1);
        auto *budget = new QWidget;
        budget->setFixedHeight(12);
        auto *budgetLayout = new QVBoxLayout(budget);
        budgetLayout->setContentsMargins(0, 0, 0, 0);
        auto *composer = new Composer;
        budgetLayout->addWidget(composer);
        layout->addWidget(budget);
        composer->setMaxBytes(10);
        composer->setText(u"123456789"_s); // the counter shows
        window.resize(640, 120);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(counterOf(*composer)->isVisible());

        QPlainTextEdit *editor = composer->editor();
        QVERIFY(composer->minimumSizeHint().height() >= editor->height());
        QTRY_VERIFY(editor->viewport()->height() >= editor->fontMetrics().lineSpacing());
        QCOMPARE(editor->verticalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
