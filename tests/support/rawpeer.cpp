#include "rawpeer.h"

#include "testclient.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QtEndian>

RawPeer::RawPeer()
{
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
        if (!m_reading)
            return;
        m_buffer += m_socket.readAll();
        parse();
    });
}

bool RawPeer::connectTo(quint16 port)
{
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return TestClient::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, WaitMs);
}

bool RawPeer::upgrade(quint16 port, const QByteArray &fields, bool plain)
{
    QByteArray nonce(16, Qt::Uninitialized);
    for (char &byte : nonce)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    const QByteArray key = nonce.toBase64();
    write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
          + "\r\nSec-WebSocket-Version: 13\r\n" + (plain ? QByteArray() : "Sec-WebSocket-Protocol: natter.v1\r\n")
          + fields + "\r\n");
    if (!TestClient::waitUntil([this] { return m_headRead || isDisconnected(); }, WaitMs) || !m_upgraded)
        return false;
    const QByteArray accept =
        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1).toBase64();
    return m_responseHead.contains("\r\nSec-WebSocket-Accept: " + accept);
}

void RawPeer::sendFrame(quint8 opcode, const QByteArray &payload, bool final, bool masked, quint8 reservedBits)
{
    QByteArray frame;
    frame.append(static_cast<char>((final ? 0x80 : 0x00) | (reservedBits & 0x70) | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    const auto length = static_cast<quint64>(payload.size());
    if (length < 126) {
        frame.append(static_cast<char>(maskBit | char(length)));
    } else if (length <= 0xffff) {
        frame.append(static_cast<char>(maskBit | 126));
        frame.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xff));
    } else {
        frame.append(static_cast<char>(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((length >> shift) & 0xff));
    }
    if (!masked) {
        write(frame + payload);
        return;
    }
    const quint32 maskValue = QRandomGenerator::global()->generate();
    char mask[4];
    qToBigEndian(maskValue, mask);
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(static_cast<char>(payload.at(i) ^ mask[i % 4]));
    write(frame);
}

void RawPeer::stopReading()
{
    m_reading = false;
    m_socket.setReadBufferSize(4096);
}

bool RawPeer::waitForDisconnect(int timeoutMs)
{
    return TestClient::waitUntil([this] { return isDisconnected(); }, timeoutMs);
}

bool RawPeer::waitForClose(int timeoutMs)
{
    return TestClient::waitUntil([this] { return m_closeCode.has_value() || isDisconnected(); }, timeoutMs);
}

bool RawPeer::waitForTexts(qsizetype count, int timeoutMs)
{
    return TestClient::waitUntil([this, count] { return m_texts.size() >= count || isDisconnected(); }, timeoutMs)
        && m_texts.size() >= count;
}

void RawPeer::parse()
{
    if (!m_headRead) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_responseHead = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        m_headRead = true;
        m_upgraded = m_responseHead.startsWith("HTTP/1.1 101");
        if (!m_upgraded)
            return;
    }
    for (;;) {
        if (m_buffer.size() < 2)
            return;
        const auto first = static_cast<quint8>(m_buffer.at(0));
        const auto second = static_cast<quint8>(m_buffer.at(1));
        qsizetype offset = 2;
        quint64 length = second & 0x7f;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            offset = 10;
        }
        if (m_buffer.size() < offset + static_cast<qsizetype>(length))
            return;
        const QByteArray payload = m_buffer.mid(offset, static_cast<qsizetype>(length));
        m_buffer.remove(0, offset + static_cast<qsizetype>(length));
        switch (first & 0x0f) {
        case 0x1:
            m_texts.append(payload);
            break;
        case 0x8:
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : quint16(1005);
            m_closeReason = payload.mid(2);
            break;
        case 0x9:
            ++m_pings;
            break;
        case 0xa:
            ++m_pongs;
            break;
        default:
            break;
        }
    }
}
