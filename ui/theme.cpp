#include "theme.h"

#include "colorcontrast.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleOptionFocusRect>

#include <optional>

using namespace Qt::StringLiterals;

namespace Natter {

namespace {

// Focus rings, the one thing Fusion gets wrong for keyboard users: its focus rectangle is a faint outline, and
// a focused push button or combo box gets no more than a slightly different border. Here every one of them is
// a 2 px ring in the highlight colour whenever the widget has focus: a ring after a mouse click costs little,
// a missing one leaves a keyboard user lost. Line edits keep Fusion's highlighted frame and text cursor.
class FocusRingStyle : public QProxyStyle
{
public:
    FocusRingStyle()
        : QProxyStyle(u"Fusion"_s)
    { }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_FrameFocusRect && option)
            drawFocusRing(*option, painter);
        else
            QProxyStyle::drawPrimitive(element, option, painter, widget);
    }

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        QProxyStyle::drawControl(element, option, painter, widget);
        if (element == CE_PushButton && option && (option->state & State_HasFocus))
            drawFocusRing(*option, painter);
    }

    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget) const override
    {
        QProxyStyle::drawComplexControl(control, option, painter, widget);
        if (control == CC_ComboBox && option && (option->state & State_HasFocus))
            drawFocusRing(*option, painter);
    }

private:
    static void drawFocusRing(const QStyleOption &option, QPainter *painter)
    {
        QColor ring = option.palette.color(QPalette::Highlight);
        // A selected row is filled with the highlight colour already; there the ring takes the text's colour.
        const auto *focus = qstyleoption_cast<const QStyleOptionFocusRect *>(&option);
        if (focus && focus->backgroundColor.isValid()
            && ColorContrast::contrastRatio(ring, focus->backgroundColor) < 3.0)
            ring = option.palette.color(QPalette::HighlightedText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(ring, 2));
        painter->setBrush(Qt::NoBrush);
        // The pen straddles the path, so a path 1 px inside puts both pixels of the ring within the rectangle.
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3);
        painter->restore();
    }
};

struct Colors
{
    QColor window, windowText, base, alternateBase, text, placeholder, button, buttonText;
    QColor light, midlight, mid, dark, shadow;
    QColor highlight, highlightedText, link, linkVisited, toolTipBase, toolTipText;
    QColor disabledText, disabledHighlight, disabledHighlightedText;
};

QPalette paletteFrom(const Colors &colors)
{
    QPalette palette;
    const auto set = [&palette](QPalette::ColorRole role, const QColor &color) {
        palette.setColor(QPalette::All, role, color);
    };
    set(QPalette::Window, colors.window);
    set(QPalette::WindowText, colors.windowText);
    set(QPalette::Base, colors.base);
    set(QPalette::AlternateBase, colors.alternateBase);
    set(QPalette::Text, colors.text);
    set(QPalette::PlaceholderText, colors.placeholder);
    set(QPalette::Button, colors.button);
    set(QPalette::ButtonText, colors.buttonText);
    set(QPalette::BrightText, Qt::white);
    set(QPalette::Light, colors.light);
    set(QPalette::Midlight, colors.midlight);
    set(QPalette::Mid, colors.mid);
    set(QPalette::Dark, colors.dark);
    set(QPalette::Shadow, colors.shadow);
    set(QPalette::Highlight, colors.highlight);
    set(QPalette::HighlightedText, colors.highlightedText);
    set(QPalette::Link, colors.link);
    set(QPalette::LinkVisited, colors.linkVisited);
    set(QPalette::ToolTipBase, colors.toolTipBase);
    set(QPalette::ToolTipText, colors.toolTipText);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        palette.setColor(QPalette::Disabled, role, colors.disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, colors.disabledHighlight);
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, colors.disabledHighlightedText);
    return palette;
}

// The palette the platform gave the application, read before Natter first replaces it.
const QPalette &desktopPalette()
{
    static const QPalette palette = QApplication::palette();
    return palette;
}

} // namespace

// Contrasts (WCAG) of both palettes, held by tst_theme: text on base and window above 7:1; placeholders, links,
// button labels and selected text 4.5:1 or more; disabled text about 3.5:1, readable yet clearly dimmer; the
// highlight, which draws the focus ring, 3:1 or more against base, window and button.
QColor Theme::errorColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QPalette Theme::lightPalette()
{
    static const QPalette palette = paletteFrom({
        .window = QColor(0xef, 0xf0, 0xf3),
        .windowText = QColor(0x1b, 0x1d, 0x21),
        .base = QColor(0xff, 0xff, 0xff),
        .alternateBase = QColor(0xf5, 0xf6, 0xf8),
        .text = QColor(0x1b, 0x1d, 0x21),
        .placeholder = QColor(0x65, 0x6a, 0x73),
        .button = QColor(0xe3, 0xe6, 0xea),
        .buttonText = QColor(0x1b, 0x1d, 0x21),
        .light = QColor(0xff, 0xff, 0xff),
        .midlight = QColor(0xf4, 0xf5, 0xf7),
        .mid = QColor(0xc3, 0xc7, 0xce),
        .dark = QColor(0xa3, 0xa8, 0xb1),
        .shadow = QColor(0x6b, 0x70, 0x79),
        .highlight = QColor(0x25, 0x57, 0xc9),
        .highlightedText = QColor(0xff, 0xff, 0xff),
        .link = QColor(0x1f, 0x54, 0xc2),
        .linkVisited = QColor(0x6a, 0x3f, 0xb8),
        .toolTipBase = QColor(0xff, 0xff, 0xff),
        .toolTipText = QColor(0x1b, 0x1d, 0x21),
        .disabledText = QColor(0x7a, 0x7f, 0x88),
        .disabledHighlight = QColor(0xc3, 0xc7, 0xce),
        .disabledHighlightedText = QColor(0x1b, 0x1d, 0x21),
    });
    return palette;
}

QPalette Theme::darkPalette()
{
    // A light highlight with dark text on it: white text would need a highlight too dark to show as a focus
    // ring on the dark buttons.
    static const QPalette palette = paletteFrom({
        .window = QColor(0x24, 0x27, 0x2c),
        .windowText = QColor(0xe3, 0xe6, 0xea),
        .base = QColor(0x1b, 0x1d, 0x21),
        .alternateBase = QColor(0x21, 0x24, 0x28),
        .text = QColor(0xe3, 0xe6, 0xea),
        .placeholder = QColor(0x9b, 0xa1, 0xaa),
        .button = QColor(0x30, 0x34, 0x3a),
        .buttonText = QColor(0xe3, 0xe6, 0xea),
        .light = QColor(0x41, 0x46, 0x4e),
        .midlight = QColor(0x38, 0x3c, 0x43),
        .mid = QColor(0x2a, 0x2d, 0x32),
        .dark = QColor(0x16, 0x18, 0x1b),
        .shadow = QColor(0x00, 0x00, 0x00),
        .highlight = QColor(0x78, 0xa4, 0xf8),
        .highlightedText = QColor(0x0e, 0x11, 0x16),
        .link = QColor(0x86, 0xb2, 0xff),
        .linkVisited = QColor(0xc4, 0xa5, 0xff),
        .toolTipBase = QColor(0x30, 0x34, 0x3a),
        .toolTipText = QColor(0xe3, 0xe6, 0xea),
        .disabledText = QColor(0x7f, 0x84, 0x8d),
        .disabledHighlight = QColor(0x41, 0x46, 0x4e),
        .disabledHighlightedText = QColor(0x9b, 0xa1, 0xaa),
    });
    return palette;
}

bool Theme::isDark(const QPalette &palette)
{
    return ColorContrast::relativeLuminance(palette.color(QPalette::Window))
        < ColorContrast::relativeLuminance(palette.color(QPalette::WindowText));
}

Theme::Mode Theme::modeFor(AppSettings::ThemeChoice choice)
{
    switch (choice) {
    case AppSettings::ThemeChoice::Light:
        return Mode::Light;
    case AppSettings::ThemeChoice::Dark:
        return Mode::Dark;
    case AppSettings::ThemeChoice::System:
        break;
    }
    return Mode::System;
}

bool Theme::isDark()
{
    return isDark(QApplication::palette());
}

bool Theme::systemPrefersDark()
{
    // Qt 6.4 cannot ask the desktop for its colour scheme (QStyleHints::colorScheme() came with 6.5). Two hints
    // remain: GTK_THEME=Name:dark, with which GNOME users ask applications for dark, and the palette the
    // platform theme gave the application (KDE's and the GTK platform theme pass the desktop's colours on).
    // Platforms that give no palette (offscreen, minimal, plain X11 without a platform theme) get light.
    if (qEnvironmentVariable("GTK_THEME").endsWith(u":dark"_s, Qt::CaseInsensitive))
        return true;
    return isDark(desktopPalette());
}

void Theme::apply(Mode mode)
{
    desktopPalette(); // read it while it is still the desktop's
    const bool dark = mode == Mode::Dark || (mode == Mode::System && systemPrefersDark());
    if (!dynamic_cast<FocusRingStyle *>(QApplication::style()))
        QApplication::setStyle(new FocusRingStyle); // the application takes ownership
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
}

} // namespace Natter
