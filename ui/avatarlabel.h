#pragma once

// A round avatar as a widget: the initials of a person (or "#" for a room) in the name's colour, with an online
// dot for people.

#include <QWidget>

namespace Natter {

class AvatarLabel : public QWidget
{
    Q_OBJECT
public:
    enum class Shape { Person, Room };
    enum class Presence { None, Online, Offline };

    explicit AvatarLabel(QWidget *parent = nullptr);

    void setName(const QString &name, Shape shape = Shape::Person);
    void setPresence(Presence presence);
    QString name() const { return m_name; }
    Presence presence() const { return m_presence; }
    void setDiameter(int pixels);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_name;
    Shape m_shape = Shape::Person;
    Presence m_presence = Presence::None;
    int m_diameter = 32;
};

} // namespace Natter
