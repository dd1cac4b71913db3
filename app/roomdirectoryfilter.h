#pragma once

// Narrows the room directory to the rooms whose name or topic contains what the user typed, ignoring case.

#include <QSortFilterProxyModel>

namespace Natter {

class RoomDirectoryFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RoomDirectoryFilter(QObject *parent = nullptr);

    QString filterText() const { return m_text; }
    // Surrounding spaces and one leading '#' are ignored: "#dev " finds the room dev. Empty shows every room.
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace Natter
