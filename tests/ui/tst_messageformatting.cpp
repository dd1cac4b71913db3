// Proves how formatted messages look and behave in the message list: marks read, HTML never, code blocks taller
// with a Copy button that copies their code, quote lines indented, mentions of members and of the user highlighted,
// and copying a whole message giving back what was written.

#include "messagedelegate.h"
#include "messagefonts.h"
#include "messagelayout.h"
#include "messagemenu.h"
#include "messagemodel.h"
#include "messageview.h"

#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Natter;
using Natter::Protocol::ChatMessage;

namespace {

const qint64 noon = QDateTime(QDate(2024, 5, 14), QTime(12, 0)).toMSecsSinceEpoch();

ChatMessage message(qint64 seq, const QString &text)
{
    ChatMessage m;
    m.room = u"dev"_s;
    m.seq = seq;
    m.from = u"bob"_s;
    m.id = u"id-%1"_s.arg(seq);
    m.text = text;
    m.ts = noon + seq * 1000; // one group: every row but the first without a header
    return m;
}

struct Scene
{
    MessageModel model{ConversationId::room(u"dev"_s)};
    MessageView view;
    MessageFonts fonts{view.font()};

    explicit Scene(const QStringList &texts)
    {
        model.setOwnName(u"me"_s);
        QList<ChatMessage> messages;
        for (qsizetype i = 0; i < texts.size(); ++i)
            messages.append(message(i + 1, texts.at(i)));
        model.prependHistory(messages, false);
        view.resize(500, 500);
    }
    bool show()
    {
        view.setMessageModel(&model);
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    QModelIndex index(int row) const { return view.indexForRow(row); }
    QRect rect(int row) const { return view.visualRect(index(row)); }
    MessageLayout::Colors colors() const
    {
        MessageLayout::Colors colors;
        colors.link = Qt::blue;
        colors.codeBackground = Qt::lightGray;
        colors.mention = Qt::yellow;
        colors.ownMention = Qt::red;
        colors.ownName = u"me"_s;
        colors.isMember = [](const QString &name) { return name.compare(u"ada"_s, Qt::CaseInsensitive) == 0; };
        return colors;
    }
    std::unique_ptr<MessageLayout> layout(int row) const
    {
        return std::make_unique<MessageLayout>(fonts, rect(row),
                                               MessageRow::fromIndex(index(row), MessageRow::Fields::Everything),
                                               MessageLayout::Purpose::Paint, colors());
    }
    // The formats laid out over `part` of the row's shown text.
    QList<QTextCharFormat> formatsOver(int row, const QString &part) const
    {
        const auto laidOut = layout(row);
        const qsizetype start = laidOut->text.text().indexOf(part);
        QList<QTextCharFormat> found;
        for (const QTextLayout::FormatRange &range : laidOut->text.formats()) {
            if (start >= 0 && range.start <= start && range.start + range.length >= start + part.size())
                found.append(range.format);
        }
        return found;
    }
};

QMenu *openContextMenu(MessageView &view, const QPoint &pos)
{
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, view.viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view.viewport(), &event);
    const auto menus = view.findChildren<QMenu *>(u"messageMenu"_s);
    for (QMenu *menu : menus) {
        if (menu->isVisible())
            return menu;
    }
    return nullptr;
}

QAction *copyCodeAction(QMenu *menu)
{
    const QList<QAction *> actions = menu->actions();
    const auto found = std::find_if(actions.cbegin(), actions.cend(),
                                    [](const QAction *action) { return action->objectName() == u"copyCodeAction"_s; });
    return found == actions.cend() ? nullptr : *found;
}

} // namespace

class TestMessageFormatting : public QObject
{
    Q_OBJECT

private slots:
    void htmlShowsLiterally();
    void marksBecomeFormats();
    void codeBlockMakesTheRowTaller();
    void copyButtonCopiesTheCode();
    void contextMenuCopiesCode();
    void copyingAMessageKeepsItsMarks();
    void quoteLinesAreIndented();
    void replyQuotesShowNoFormattingMarks();
    void editedMarkerFollowsAnIndentedLine();
    void mentionsOfMembersAndTheUserAreHighlighted();
    void linksInFormattedTextOpen();
};

void TestMessageFormatting::htmlShowsLiterally()
{
    Scene scene({u"<b>x</b> &amp; <i>y</i>"_s});
    QVERIFY(scene.show());
    QCOMPARE(scene.view.messageDelegate()->displayedText(scene.index(0)), u"<b>x</b> &amp; <i>y</i>"_s);
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->text.text(), u"<b>x</b> &amp; <i>y</i>"_s);
    for (const QTextLayout::FormatRange &range : laidOut->text.formats()) {
        QVERIFY(!range.format.hasProperty(QTextFormat::FontWeight));
        QVERIFY(!range.format.hasProperty(QTextFormat::FontItalic));
    }
}

void TestMessageFormatting::marksBecomeFormats()
{
    Scene scene({u"a **strong** and *leaning* and `code` but 2*3*4"_s});
    QVERIFY(scene.show());
    QCOMPARE(scene.view.messageDelegate()->displayedText(scene.index(0)), u"a strong and leaning and code but 2*3*4"_s);
    const auto weightOf = [&](const QString &part) {
        for (const QTextCharFormat &format : scene.formatsOver(0, part)) {
            if (format.hasProperty(QTextFormat::FontWeight))
                return format.fontWeight();
        }
        return int(QFont::Normal);
    };
    QCOMPARE(weightOf(u"strong"_s), int(QFont::Bold));
    QCOMPARE(weightOf(u"and"_s), int(QFont::Normal));
    const QList<QTextCharFormat> leaning = scene.formatsOver(0, u"leaning"_s);
    QVERIFY(std::any_of(leaning.cbegin(), leaning.cend(), [](const QTextCharFormat &f) { return f.fontItalic(); }));
    const QList<QTextCharFormat> code = scene.formatsOver(0, u"code"_s);
    QVERIFY(std::any_of(code.cbegin(), code.cend(), [](const QTextCharFormat &f) { return f.fontFixedPitch(); }));
    QVERIFY(scene.formatsOver(0, u"2*3*4"_s).isEmpty());
}

void TestMessageFormatting::codeBlockMakesTheRowTaller()
{
    Scene scene({u"first"_s, u"look:\nint x = 1;\nreturn x;"_s, u"look:\n```cpp\nint x = 1;\nreturn x;\n```"_s});
    QVERIFY(scene.show());
    QVERIFY2(scene.rect(2).height() > scene.rect(1).height(),
             qPrintable(u"%1 vs %2"_s.arg(scene.rect(2).height()).arg(scene.rect(1).height())));
    // The row shows at the height it is painted with: the measurer lays the block out as the painter does.
    const MessageLayout measured(scene.fonts, QRect(0, 0, scene.view.viewport()->width(), 0),
                                 MessageRow::fromIndex(scene.index(2)), MessageLayout::Purpose::Measure);
    QCOMPARE(scene.rect(2).height(), measured.height);
    QCOMPARE(scene.layout(2)->height, measured.height);
    const auto laidOut = scene.layout(2);
    QCOMPARE(laidOut->codeBlocks.size(), 1);
    const MessageLayout::CodeBlock &block = laidOut->codeBlocks.constFirst();
    QCOMPARE(block.language, u"cpp"_s);
    QVERIFY(scene.rect(2).contains(block.rect));
    QVERIFY(block.rect.contains(block.copyButton));
}

void TestMessageFormatting::copyButtonCopiesTheCode()
{
    Scene scene({u"look:\n```\nint x = 1;\nreturn x;\n```\nthat's all"_s});
    QVERIFY(scene.show());
    QGuiApplication::clipboard()->setText(u"before"_s);
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->codeBlocks.size(), 1);
    const QRect button = laidOut->codeBlocks.constFirst().copyButton;

    // A click on the code itself copies nothing.
    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {},
                      laidOut->codeBlocks.constFirst().rect.bottomLeft() + QPoint(20, -laidOut->fonts.unit * 2));
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);

    QTest::mouseClick(scene.view.viewport(), Qt::LeftButton, {}, button.center());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"int x = 1;\nreturn x;"_s);
}

void TestMessageFormatting::contextMenuCopiesCode()
{
    Scene scene({u"```\nfirst()\n```\nand\n```\nsecond()\n```"_s, u"no code here"_s});
    QVERIFY(scene.show());
    QMenu *menu = openContextMenu(scene.view, scene.rect(1).center());
    QVERIFY(menu);
    QVERIFY(!copyCodeAction(menu));
    menu->close();

    // On a block: that block's code.
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->codeBlocks.size(), 2);
    menu = openContextMenu(scene.view, laidOut->codeBlocks.at(1).rect.center());
    QVERIFY(menu);
    QAction *copy = copyCodeAction(menu);
    QVERIFY(copy);
    QCOMPARE(copy->text(), MessageMenu::tr("Copy Code"));
    copy->trigger();
    menu->close();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"second()"_s);

    // From the keyboard: one entry per block for the current message.
    scene.view.setCurrentIndex(scene.index(0));
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(1, 1),
                            scene.view.viewport()->mapToGlobal(QPoint(1, 1)));
    QApplication::sendEvent(scene.view.viewport(), &event);
    menu = nullptr;
    for (QMenu *shown : scene.view.findChildren<QMenu *>(u"messageMenu"_s)) {
        if (shown->isVisible())
            menu = shown;
    }
    QVERIFY(menu);
    QStringList labels;
    for (const QAction *action : menu->actions()) {
        if (action->objectName() == u"copyCodeAction"_s)
            labels.append(action->text());
    }
    QCOMPARE(labels,
             QStringList({MessageMenu::tr("Copy Code Block %1").arg(1), MessageMenu::tr("Copy Code Block %1").arg(2)}));
    menu->close();
}

void TestMessageFormatting::copyingAMessageKeepsItsMarks()
{
    const QString written = u"**bold** and `code`\n> quoted"_s;
    Scene scene({written});
    QVERIFY(scene.show());
    scene.view.setCurrentIndex(scene.index(0));
    QGuiApplication::clipboard()->clear();
    QTest::keySequence(&scene.view, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), written);
}

void TestMessageFormatting::quoteLinesAreIndented()
{
    Scene scene({u"> quoted words\nanswer"_s});
    QVERIFY(scene.show());
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->text.text(), u"quoted words\u2028answer"_s);
    QVERIFY(laidOut->text.lineCount() >= 2);
    QVERIFY(laidOut->text.lineAt(0).x() > 0);
    QCOMPARE(laidOut->text.lineAt(laidOut->text.lineCount() - 1).x(), 0.0);
    QCOMPARE(laidOut->quoteBars.size(), 1);
}

void TestMessageFormatting::replyQuotesShowNoFormattingMarks()
{
    MessageRow row;
    row.replyFrom = u"Cleo"_s;
    row.replyText = u"First **bold** and `code`"_s;
    QCOMPARE(row.quoteLine(), u"Cleo: First bold and code"_s);
    row.replyText = u"<b>not bold</b>"_s;
    QCOMPARE(row.quoteLine(), u"Cleo: <b>not bold</b>"_s);
}

void TestMessageFormatting::editedMarkerFollowsAnIndentedLine()
{
    const MessageFonts fonts{QFont()};
    MessageRow row;
    row.sender = u"bob"_s;
    row.text = u"> quoted words"_s;
    row.edited = true;
    const MessageLayout laidOut(fonts, QRect(0, 0, 600, 0), row, MessageLayout::Purpose::Paint);
    const QTextLine line = laidOut.text.lineAt(0);
    QVERIFY(line.x() > 0);
    QVERIFY(laidOut.markerRect.left() >= laidOut.textOrigin.x() + line.x() + line.naturalTextWidth());
}

void TestMessageFormatting::mentionsOfMembersAndTheUserAreHighlighted()
{
    Scene scene({u"@ada and @me and @stranger"_s});
    QVERIFY(scene.show());
    const auto backgroundOf = [&](const QString &part) {
        for (const QTextCharFormat &format : scene.formatsOver(0, part)) {
            if (format.hasProperty(QTextFormat::BackgroundBrush))
                return format.background().color();
        }
        return QColor();
    };
    QCOMPARE(backgroundOf(u"@ada"_s), QColor(Qt::yellow));
    QCOMPARE(backgroundOf(u"@me"_s), QColor(Qt::red)); // the user's own name stands out more
    QCOMPARE(backgroundOf(u"@stranger"_s), QColor());
}

void TestMessageFormatting::linksInFormattedTextOpen()
{
    Scene scene({u"**see https://qt.io** and `https://not.a.link`"_s});
    QVERIFY(scene.show());
    const auto laidOut = scene.layout(0);
    QCOMPARE(laidOut->links.size(), 1);
    QCOMPARE(laidOut->links.constFirst().url, QUrl(u"https://qt.io"_s));
}

QTEST_MAIN(TestMessageFormatting)
#include "tst_messageformatting.moc"
