#pragma once

// A WebSocket client on a bare QTcpSocket that can stop reading for a while, which QWebSocket cannot: the soak's
// slow readers leave what the server sends in the kernel and then in the server.

#include <QByteArray>
#include <QObject>
#include <QTcpSocket>

class PausableWebSocket : public QObject
{
    Q_OBJECT
public:
    explicit PausableWebSocket(QObject *parent = nullptr);

    // Connects to 127.0.0.1:port and upgrades, offering natter.v1 unless plain; opened() or closed() follows.
    void open(quint16 port, bool plain);
    void sendText(const QString &text);
    // Sends a close frame (1000) and lets the server end the connection.
    void close();
    // Ends the connection at once, without a close frame, as a pulled cable or a killed process would.
    void abort();
    // Hands what is written to the kernel now; an abort() after it still sends it.
    void flush() { m_socket.flush(); }
    void setReading(bool reading);
    bool isOpen() const { return m_open; }
    // The connection has ended (closed() was emitted).
    bool isFinished() const { return m_finished; }
    // Bytes written but not yet taken by the kernel.
    qint64 bytesToWrite() const { return m_socket.bytesToWrite(); }

signals:
    void opened();
    void textReceived(const QString &text);
    // The connection ended: the server's close code, or 1006 when it ended without a close frame.
    void closed(int code);

private:
    void readAvailable();
    bool readHead();
    void parseFrames();
    void sendFrame(quint8 opcode, const QByteArray &payload);
    void finish(int code);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_message; // a fragmented text message being put together
    bool m_upgraded = false;
    bool m_open = false;
    bool m_reading = true;
    bool m_finished = false;
    int m_closeCode = 1006;
};
