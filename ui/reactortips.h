#pragma once

// The tooltip of a reaction chip: who put that emoji on the message. Asks the server once per message and emoji
// (reactorsWanted), shows the count meanwhile and the names when they come, and keeps them for a short while. Names
// are plain text: the tooltip is escaped, never read as markup.

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QRect>
#include <QStringList>

class QWidget;

namespace Natter {

struct ReactionChip;

class ReactorTips : public QObject
{
    Q_OBJECT

public:
    // How long names are kept, and how long a question is not asked again.
    static constexpr qint64 KeptMilliseconds = 30'000;

    explicit ReactorTips(QWidget *widget);

    // Shows the tooltip for `chip` of message `seq` at globalPos, kept while the pointer stays in `area` (in the
    // widget's coordinates); asks for the names when they are not known.
    void show(qint64 seq, const ReactionChip &chip, const QPoint &globalPos, const QRect &area);
    // The server's answer: shown at once if that chip's tooltip is up.
    void setReactors(qint64 seq, const QString &emoji, const QStringList &names, int count);
    // Another conversation is shown: its seqs mean other messages.
    void clear();

    // The text a tooltip shows, as rich text with every name escaped.
    static QString toolTipText(const QString &plain);

signals:
    void reactorsWanted(qint64 seq, const QString &emoji);

private:
    using Key = std::pair<qint64, QString>;
    struct Known
    {
        QStringList names;
        int count = 0;
        QElapsedTimer age;
    };
    void showText(const QString &plain);

    QWidget *m_widget;
    QHash<Key, Known> m_known;
    QHash<Key, QElapsedTimer> m_asked;
    Key m_shown{0, {}}; // the chip whose tooltip is up, waiting for its names
    QPoint m_globalPos;
    QRect m_area;
};

} // namespace Natter
