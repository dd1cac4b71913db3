#pragma once

// A WebSocket client written by hand on a QTcpSocket, for what no client library would send: unmasked or
// reserved-bit frames, pings it never reads the answers to, handshakes with chosen header fields.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpSocket>

#include <optional>

class RawPeer : public QObject
{
public:
    static constexpr int WaitMs = 5000;

    RawPeer();

    bool connectTo(quint16 port);
    void write(const QByteArray &bytes) { m_socket.write(bytes); }

    // Sends the opening handshake (offering natter.v1 unless plain) with any further header fields (each ending
    // with CRLF), and checks the server's 101 answer.
    bool upgrade(quint16 port, const QByteArray &fields = {}, bool plain = false);
    // The server's response head, whatever its status.
    const QByteArray &responseHead() const { return m_responseHead; }

    // One frame; masked and with clear reserved bits unless told otherwise.
    void sendFrame(quint8 opcode, const QByteArray &payload, bool final = true, bool masked = true,
                   quint8 reservedBits = 0);
    void sendText(const QByteArray &utf8) { sendFrame(0x1, utf8); }

    // Stops taking anything from the connection: what the server sends piles up in the kernel, and then in the
    // server.
    void stopReading();

    bool isDisconnected() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool waitForDisconnect(int timeoutMs);
    // Waits for the server's close frame, or for the connection to end without one.
    bool waitForClose(int timeoutMs);
    // Waits until at least count text frames arrived.
    bool waitForTexts(qsizetype count, int timeoutMs);
    std::optional<quint16> closeCode() const { return m_closeCode; }
    const QByteArray &closeReason() const { return m_closeReason; }
    const QList<QByteArray> &texts() const { return m_texts; }
    int pings() const { return m_pings; }
    int pongs() const { return m_pongs; }

private:
    void parse();

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_responseHead;
    bool m_headRead = false;
    bool m_upgraded = false;
    bool m_reading = true;
    QList<QByteArray> m_texts;
    std::optional<quint16> m_closeCode;
    QByteArray m_closeReason;
    int m_pings = 0;
    int m_pongs = 0;
};
