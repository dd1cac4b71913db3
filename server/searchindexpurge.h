#pragma once

// Rewrites the search index a while after messages were deleted, so that their words leave the file.
//
// The full-text index drops a deleted message's words from results at once, but keeps them on disk (with a deletion
// marker) until its segments are merged. Merging everything costs about 0.6 s per million messages, so it runs at
// most once per delay, and only after a deletion; closing the store runs a pending one at once.

#include <QObject>
#include <QTimer>

namespace Natter {

class HistoryDatabase;

class SearchIndexPurge : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultDelayMs = 60 * 1000;

    explicit SearchIndexPurge(HistoryDatabase *database, QObject *parent = nullptr);

    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    // A deletion was committed: purge within the delay.
    void deletionCommitted();
    bool isPending() const { return m_timer.isActive(); }
    // Purges now if a deletion is waiting for it. False when the rewrite failed (it is tried again later).
    bool purgePending();

private:
    bool purge();

    HistoryDatabase *m_database;
    QTimer m_timer{this}; // a child: it moves with this to another thread, where it must start
};

} // namespace Natter
