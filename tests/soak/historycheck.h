#pragma once

// Checks a stopped server's history file against the soak's ack ledger: every acknowledged (sender, id) stored
// exactly once, in the room and at the seq it was acknowledged with; no text stored twice; seqs without gaps.

#include <QString>

// Prints what it found; returns the number of problems (0: the history is right), or -1 if it could not check.
int checkHistory(const QString &databasePath, const QString &ledgerPath);
