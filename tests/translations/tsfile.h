#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <tuple>

// The messages of one Qt Linguist .ts file, as the translations check compares them.
struct TsMessage
{
    // What identifies a message to lupdate; two .ts files hold the same strings when these sets are equal.
    struct Key
    {
        QString context;
        QString source;
        QString comment;
        bool numerus = false;

        friend bool operator<(const Key &a, const Key &b)
        {
            return std::tie(a.context, a.source, a.comment, a.numerus)
                < std::tie(b.context, b.source, b.comment, b.numerus);
        }
        friend bool operator==(const Key &a, const Key &b)
        {
            return std::tie(a.context, a.source, a.comment, a.numerus)
                == std::tie(b.context, b.source, b.comment, b.numerus);
        }
        QString describe() const;
    };

    Key key;
    QString type; // "unfinished", "vanished", "obsolete", or empty for a finished translation
    QStringList translations; // one entry, or one per plural form

    bool isTranslated() const;
};

struct TsFile
{
    QString path;
    QList<TsMessage> messages;

    // Reads path; on failure returns false and sets error.
    static bool read(const QString &path, TsFile *file, QString *error);
};
