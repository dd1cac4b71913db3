// LinkLabel shows a topic: plain text, links that can be clicked, a tooltip that is never read as markup.

#include "linklabel.h"

#include <QSignalSpy>
#include <QTest>

using namespace Natter;

class TestLinkLabel : public QObject
{
    Q_OBJECT

private slots:
    void clickingALinkActivatesIt()
    {
        LinkLabel label;
        label.setText(QStringLiteral("Board: https://board.example.org/natter and more"));
        label.resize(600, label.heightForWidth(600));
        label.show();
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        QCOMPARE(label.links().size(), 1);
        QSignalSpy activated(&label, &LinkLabel::linkActivated);

        // Find a point on the link by asking the label itself, then click it.
        QPoint onLink;
        for (int x = 0; x < label.width() && onLink.isNull(); x += 2) {
            if (!label.linkAt(QPoint(x, label.height() / 2)).isEmpty())
                onLink = QPoint(x + 4, label.height() / 2);
        }
        QVERIFY(!onLink.isNull());
        QTest::mouseClick(&label, Qt::LeftButton, {}, onLink);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://board.example.org/natter")));

        QTest::mouseClick(&label, Qt::LeftButton, {}, QPoint(2, label.height() / 2)); // "Board:" is no link
        QCOMPARE(activated.size(), 1);
    }

    void markupStaysText()
    {
        LinkLabel label;
        const QString topic =
            QStringLiteral("<b>Release</b> on Friday &amp; then <i>rest</i>, a long topic that needs a "
                           "tooltip because it does not fit");
        label.setText(topic);
        QCOMPARE(label.text(), topic);
        QCOMPARE(label.accessibleName(), topic);
        // The tooltip is the escaped text: Qt would read "<b>" in a tooltip as bold.
        QVERIFY(label.toolTip().contains(QStringLiteral("&lt;b&gt;Release&lt;/b&gt;")));
        QVERIFY(!label.toolTip().contains(QStringLiteral("<b>")));
    }

    void wrapsToAtMostTheLinesAllowed()
    {
        LinkLabel label;
        label.setText(QString(400, u'x'));
        const int line = label.fontMetrics().lineSpacing();
        label.setMaximumLines(2);
        QVERIFY(label.heightForWidth(200) <= 2 * line + 2);
        label.setMaximumLines(0);
        QVERIFY(label.heightForWidth(200) > 2 * line + 2);
        label.setText({});
        QCOMPARE(label.heightForWidth(200), 0);
    }
};

QTEST_MAIN(TestLinkLabel)
#include "tst_linklabel.moc"
