// Both palettes meet their contrast targets, applying a mode changes what every widget is painted with, the
// desktop's choice is followed, and keyboard focus can be seen on list rows and buttons in either theme.

#include "colorcontrast.h"
#include "theme.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QProxyStyle>
#include <QPushButton>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace Natter;
using Mode = Theme::Mode;

namespace {

QPalette paletteFor(bool dark)
{
    return dark ? Theme::darkPalette() : Theme::lightPalette();
}

bool close(const QColor &a, const QColor &b)
{
    constexpr int tolerance = 8;
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

// Pixels of that colour in the band of the given width just inside the rectangle's edge.
int countOnEdge(const QImage &image, const QRect &rect, const QColor &color, int band = 2)
{
    int count = 0;
    const QRect inner = rect.adjusted(band, band, -band, -band);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (!inner.contains(x, y) && image.rect().contains(x, y) && close(image.pixelColor(x, y), color))
                ++count;
        }
    }
    return count;
}

void addThemes()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Theme::apply(Mode::Light); }

    void contrastsMeetTheirTargets_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("group");
        QTest::addColumn<int>("foreground");
        QTest::addColumn<int>("background");
        QTest::addColumn<double>("minimum");
        struct Pair
        {
            const char *name;
            QPalette::ColorRole foreground, background;
            double minimum;
        };
        const Pair pairs[] = {
            {"Text on Base", QPalette::Text, QPalette::Base, 7.0},
            {"Text on AlternateBase", QPalette::Text, QPalette::AlternateBase, 7.0},
            {"WindowText on Window", QPalette::WindowText, QPalette::Window, 7.0},
            {"PlaceholderText on Base", QPalette::PlaceholderText, QPalette::Base, 4.5},
            {"PlaceholderText on AlternateBase", QPalette::PlaceholderText, QPalette::AlternateBase, 4.5},
            {"HighlightedText on Highlight", QPalette::HighlightedText, QPalette::Highlight, 4.5},
            {"Link on Base", QPalette::Link, QPalette::Base, 4.5},
            {"LinkVisited on Base", QPalette::LinkVisited, QPalette::Base, 4.5},
            {"ButtonText on Button", QPalette::ButtonText, QPalette::Button, 4.5},
            {"ToolTipText on ToolTipBase", QPalette::ToolTipText, QPalette::ToolTipBase, 4.5},
            // The focus ring is drawn in the highlight colour over each of these (WCAG 1.4.11: 3:1).
            {"Highlight on Base", QPalette::Highlight, QPalette::Base, 3.0},
            {"Highlight on Window", QPalette::Highlight, QPalette::Window, 3.0},
            {"Highlight on Button", QPalette::Highlight, QPalette::Button, 3.0},
        };
        for (const bool dark : {false, true}) {
            for (const auto group : {QPalette::Active, QPalette::Inactive}) {
                for (const Pair &pair : pairs) {
                    QTest::addRow("%s, %s, %s", dark ? "dark" : "light",
                                  group == QPalette::Active ? "active" : "inactive", pair.name)
                        << dark << int(group) << int(pair.foreground) << int(pair.background) << pair.minimum;
                }
            }
        }
    }

    void contrastsMeetTheirTargets()
    {
        QFETCH(bool, dark);
        QFETCH(int, group);
        QFETCH(int, foreground);
        QFETCH(int, background);
        QFETCH(double, minimum);
        const QPalette palette = paletteFor(dark);
        const auto colorGroup = QPalette::ColorGroup(group);
        const QColor front = palette.color(colorGroup, QPalette::ColorRole(foreground));
        const QColor back = palette.color(colorGroup, QPalette::ColorRole(background));
        const double ratio = ColorContrast::contrastRatio(front, back);
        QVERIFY2(ratio >= minimum, qPrintable(u"%1 on %2: %3"_s.arg(front.name(), back.name()).arg(ratio)));
    }

    void disabledTextIsDimmerYetReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("foreground");
        QTest::addColumn<int>("background");
        for (const bool dark : {false, true}) {
            const char *theme = dark ? "dark" : "light";
            QTest::addRow("%s, Text on Base", theme) << dark << int(QPalette::Text) << int(QPalette::Base);
            QTest::addRow("%s, WindowText on Window", theme)
                << dark << int(QPalette::WindowText) << int(QPalette::Window);
            QTest::addRow("%s, ButtonText on Button", theme)
                << dark << int(QPalette::ButtonText) << int(QPalette::Button);
        }
    }

    void disabledTextIsDimmerYetReadable()
    {
        QFETCH(bool, dark);
        QFETCH(int, foreground);
        QFETCH(int, background);
        const QPalette palette = paletteFor(dark);
        const auto role = [](int value) { return QPalette::ColorRole(value); };
        const double enabled = ColorContrast::contrastRatio(palette.color(QPalette::Active, role(foreground)),
                                                            palette.color(QPalette::Active, role(background)));
        const double disabled = ColorContrast::contrastRatio(palette.color(QPalette::Disabled, role(foreground)),
                                                             palette.color(QPalette::Disabled, role(background)));
        QVERIFY2(disabled >= 3.0, qPrintable(QString::number(disabled)));
        QVERIFY2(disabled <= enabled / 2, qPrintable(u"%1 against %2 enabled"_s.arg(disabled).arg(enabled)));
    }

    void palettesKnowWhetherTheyAreDark()
    {
        QVERIFY(!Theme::isDark(Theme::lightPalette()));
        QVERIFY(Theme::isDark(Theme::darkPalette()));
    }

    void applyingDarkMakesTheApplicationDark()
    {
        Theme::apply(Mode::Dark);
        QVERIFY(Theme::isDark());
        const QPalette palette = QApplication::palette();
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Text, QPalette::Highlight})
            QCOMPARE(palette.color(role), Theme::darkPalette().color(role));
        // A widget created now is painted with it.
        QLineEdit edit;
        QCOMPARE(edit.palette().color(QPalette::Base), Theme::darkPalette().color(QPalette::Base));
    }

    void applyingLightMakesTheApplicationLight()
    {
        Theme::apply(Mode::Dark);
        Theme::apply(Mode::Light);
        QVERIFY(!Theme::isDark());
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Text, QPalette::Highlight})
            QCOMPARE(QApplication::palette().color(role), Theme::lightPalette().color(role));
    }

    void theStyleIsFusionAndSetOnce()
    {
        Theme::apply(Mode::Light);
        QStyle *style = QApplication::style();
        auto *proxy = qobject_cast<QProxyStyle *>(style);
        QVERIFY(proxy);
        QCOMPARE(proxy->baseStyle()->name().toLower(), u"fusion"_s);
        Theme::apply(Mode::Dark);
        QCOMPARE(QApplication::style(), style);
    }

    void systemFollowsTheDesktop()
    {
        const QByteArray saved = qgetenv("GTK_THEME");
        const auto restore = qScopeGuard([&saved] {
            if (saved.isNull())
                qunsetenv("GTK_THEME");
            else
                qputenv("GTK_THEME", saved);
        });
        qunsetenv("GTK_THEME");
        Theme::apply(Mode::Dark); // what the user chose before must not stick
        Theme::apply(Mode::System);
        QVERIFY(!Theme::isDark()); // the offscreen platform's palette is a light one
        QCOMPARE(QApplication::palette().color(QPalette::Window), Theme::lightPalette().color(QPalette::Window));

        qputenv("GTK_THEME", "Adwaita:dark");
        QVERIFY(Theme::systemPrefersDark());
        Theme::apply(Mode::System);
        QVERIFY(Theme::isDark());
    }

    void focusedListRowHasARing_data() { addThemes(); }

    void focusedListRowHasARing()
    {
        QFETCH(bool, dark);
        Theme::apply(dark ? Mode::Dark : Mode::Light);
        const QColor highlight = QApplication::palette().color(QPalette::Highlight);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QLineEdit(&window);
        auto *view = new QListView(&window);
        QStringListModel model({u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s});
        view->setModel(&model);
        layout->addWidget(other);
        layout->addWidget(view);
        window.resize(240, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        const QModelIndex current = model.index(1, 0);
        view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        other->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(other->hasFocus());
        const QRect row = view->visualRect(current);
        QCOMPARE(countOnEdge(view->viewport()->grab().toImage(), row, highlight), 0); // no focus, no ring

        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        const QImage focused = view->viewport()->grab().toImage();
        // Most of the 2 px band around the row: both long edges at least.
        QVERIFY2(countOnEdge(focused, row, highlight) >= 2 * 2 * (row.width() - 8),
                 qPrintable(QString::number(countOnEdge(focused, row, highlight))));
        // Other rows have none.
        QCOMPARE(countOnEdge(focused, view->visualRect(model.index(2, 0)), highlight), 0);

        // On a selected row the ring takes the selected text's colour, which reads on the highlight.
        view->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect);
        const QColor selectedText = QApplication::palette().color(QPalette::HighlightedText);
        const QImage selected = view->viewport()->grab().toImage();
        QVERIFY2(countOnEdge(selected, row, selectedText) >= 2 * 2 * (row.width() - 8),
                 qPrintable(QString::number(countOnEdge(selected, row, selectedText))));
    }

    void focusedButtonHasARing_data() { addThemes(); }

    void focusedButtonHasARing()
    {
        QFETCH(bool, dark);
        Theme::apply(dark ? Mode::Dark : Mode::Light);
        const QColor highlight = QApplication::palette().color(QPalette::Highlight);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QLineEdit(&window);
        auto *button = new QPushButton(u"Send"_s, &window);
        layout->addWidget(other);
        layout->addWidget(button);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        other->setFocus(Qt::OtherFocusReason);
        QTRY_VERIFY(other->hasFocus());
        const auto highlightPixels = [&highlight](const QImage &image) {
            return countOnEdge(image, image.rect(), highlight, image.height() / 2);
        };
        QCOMPARE(highlightPixels(button->grab().toImage()), 0);

        button->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(button->hasFocus());
        QVERIFY2(highlightPixels(button->grab().toImage()) >= 2 * button->width(),
                 qPrintable(QString::number(highlightPixels(button->grab().toImage()))));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
