#include "pausablewebsocket.h"

#include <QHostAddress>
#include <QRandomGenerator>

namespace {
// What Qt may take from the kernel while the client does not read: little, so that the rest stays with the server.
constexpr qint64 PausedBufferBytes = 4096;
} // namespace

PausableWebSocket::PausableWebSocket(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &PausableWebSocket::readAvailable);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        readAvailable(); // the close frame may still wait in the buffer
        finish(m_closeCode);
    });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            finish(m_closeCode);
    });
}

void PausableWebSocket::open(quint16 port, bool plain)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this, port, plain] {
        QByteArray nonce(16, Qt::Uninitialized);
        for (char &byte : nonce)
            byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
        m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + nonce.toBase64()
                       + "\r\nSec-WebSocket-Version: 13\r\n"
                       + (plain ? QByteArray() : QByteArray("Sec-WebSocket-Protocol: natter.v1\r\n")) + "\r\n");
    });
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
}

void PausableWebSocket::sendText(const QString &text)
{
    if (m_open)
        sendFrame(0x1, text.toUtf8());
}

void PausableWebSocket::close()
{
    if (!m_open)
        return;
    sendFrame(0x8, QByteArray("\x03\xe8", 2));
    m_open = false;
}

void PausableWebSocket::abort()
{
    m_socket.abort();
    finish(1006);
}

void PausableWebSocket::setReading(bool reading)
{
    m_reading = reading;
    m_socket.setReadBufferSize(reading ? 0 : PausedBufferBytes);
    if (reading)
        readAvailable();
}

void PausableWebSocket::readAvailable()
{
    if (!m_reading || m_finished)
        return;
    if (m_socket.bytesAvailable() > 0)
        m_buffer += m_socket.readAll();
    if (!m_upgraded && !readHead())
        return;
    parseFrames();
}

bool PausableWebSocket::readHead()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    if (!head.startsWith("HTTP/1.1 101")) {
        m_socket.abort();
        finish(1006);
        return false;
    }
    m_upgraded = true;
    m_open = true;
    emit opened();
    return true;
}

void PausableWebSocket::parseFrames()
{
    while (m_reading && !m_finished && m_buffer.size() >= 2) {
        const auto first = static_cast<quint8>(m_buffer.at(0));
        quint64 length = static_cast<quint8>(m_buffer.at(1)) & 0x7f;
        qsizetype offset = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = (quint64(quint8(m_buffer.at(2))) << 8) | quint8(m_buffer.at(3));
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | quint8(m_buffer.at(i));
            offset = 10;
        }
        if (quint64(m_buffer.size() - offset) < length)
            return;
        const QByteArray payload = m_buffer.mid(offset, qsizetype(length));
        m_buffer.remove(0, offset + qsizetype(length));
        const quint8 opcode = first & 0x0f;
        const bool final = first & 0x80;
        if (opcode == 0x1 || opcode == 0x0) {
            m_message += payload;
            if (final) {
                const QString text = QString::fromUtf8(m_message);
                m_message.clear();
                emit textReceived(text);
            }
        } else if (opcode == 0x8) {
            m_closeCode = payload.size() >= 2 ? (quint8(payload.at(0)) << 8) | quint8(payload.at(1)) : 1005;
            if (m_open) {
                sendFrame(0x8, payload.left(2));
                m_open = false;
            }
            m_socket.disconnectFromHost();
        } else if (opcode == 0x9) {
            sendFrame(0xA, payload);
        }
    }
}

void PausableWebSocket::sendFrame(quint8 opcode, const QByteArray &payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(static_cast<char>(0x80 | opcode));
    const auto length = static_cast<quint64>(payload.size());
    if (length < 126) {
        frame.append(static_cast<char>(0x80 | length));
    } else if (length <= 0xffff) {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xff));
    } else {
        frame.append(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((length >> shift) & 0xff));
    }
    const quint32 maskValue = QRandomGenerator::global()->generate();
    const char mask[4] = {char(maskValue), char(maskValue >> 8), char(maskValue >> 16), char(maskValue >> 24)};
    frame.append(mask, 4);
    const qsizetype start = frame.size();
    frame.append(payload);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame[start + i] = static_cast<char>(frame.at(start + i) ^ mask[i % 4]);
    m_socket.write(frame);
}

void PausableWebSocket::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_open = false;
    emit closed(code);
}
