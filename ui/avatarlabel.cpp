#include "avatarlabel.h"

#include "avatar.h"
#include "namecolors.h"

#include <QPainter>

namespace Natter {

AvatarLabel::AvatarLabel(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void AvatarLabel::setName(const QString &name, Shape shape)
{
    if (name == m_name && shape == m_shape)
        return;
    m_name = name;
    m_shape = shape;
    setAccessibleName(shape == Shape::Room ? tr("Room %1").arg(name) : name);
    update();
}

void AvatarLabel::setPresence(Presence presence)
{
    if (presence == m_presence)
        return;
    m_presence = presence;
    update();
}

void AvatarLabel::setDiameter(int pixels)
{
    m_diameter = pixels;
    updateGeometry();
    update();
}

QSize AvatarLabel::sizeHint() const
{
    return {m_diameter, m_diameter};
}

void AvatarLabel::paintEvent(QPaintEvent *)
{
    if (m_name.isEmpty())
        return;
    QPainter painter(this);
    const QColor background = palette().color(QPalette::Window);
    const QString &shown = m_name;
    Avatar::Presence presence = Avatar::Presence::None;
    if (m_presence == Presence::Online)
        presence = Avatar::Presence::Online;
    else if (m_presence == Presence::Offline)
        presence = Avatar::Presence::Offline;
    const int side = std::min(width(), height());
    Avatar::paint(&painter, QRectF(0, (height() - side) / 2.0, side, side), shown,
                  NameColors::forName(m_name, background), presence);
}

} // namespace Natter
