#include "tsfile.h"

#include <QFile>
#include <QXmlStreamReader>

QString TsMessage::Key::describe() const
{
    QString text = context + QStringLiteral(": \"") + source + u'"';
    if (!comment.isEmpty())
        text += QStringLiteral(" (comment \"") + comment + QStringLiteral("\")");
    if (numerus)
        text += QStringLiteral(" (plural)");
    return text;
}

bool TsMessage::isTranslated() const
{
    if (type == u"unfinished" || translations.isEmpty())
        return false;
    for (const QString &translation : translations) {
        if (translation.trimmed().isEmpty())
            return false;
    }
    return true;
}

bool TsFile::read(const QString &path, TsFile *file, QString *error)
{
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + input.errorString();
        return false;
    }
    file->path = path;
    file->messages.clear();

    QXmlStreamReader xml(&input);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                inMessage = true;
                message = TsMessage();
                message.key.context = context;
                message.key.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            } else if (inMessage && name == u"source") {
                message.key.source = xml.readElementText();
            } else if (inMessage && name == u"comment") {
                message.key.comment = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!message.key.numerus)
                    message.translations.append(xml.readElementText());
            } else if (inMessage && name == u"numerusform") {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            inMessage = false;
            file->messages.append(message);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}
