<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Natter::AboutDialog</name>
    <message>
        <source>About Natter</source>
        <translation>Über Natter</translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Chat on your network without signing up.</source>
        <translation>Chatte in deinem Netzwerk, ohne dich zu registrieren.</translation>
    </message>
    <message>
        <source>Runs on Qt %1</source>
        <translation>Läuft mit Qt %1</translation>
    </message>
</context>
<context>
    <name>Natter::AvatarLabel</name>
    <message>
        <source>Room %1</source>
        <translation>Raum %1</translation>
    </message>
</context>
<context>
    <name>Natter::CacheFile</name>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation>Der Ordner für %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Another Natter window already uses what this computer remembers of this chat.</source>
        <translation>Ein anderes Natter-Fenster nutzt bereits, was dieser Computer von diesem Chat gespeichert hat.</translation>
    </message>
</context>
<context>
    <name>Natter::CacheSchema</name>
    <message>
        <source>The cache was written by a newer version of Natter.</source>
        <translation>Der Zwischenspeicher wurde von einer neueren Version von Natter geschrieben.</translation>
    </message>
</context>
<context>
    <name>Natter::CertificateQuestion</name>
    <message>
        <source>Check the Chat&apos;s Certificate</source>
        <translation>Zertifikat des Chats prüfen</translation>
    </message>
    <message>
        <source>No certificate authority vouches for %1. That is usual for a chat hosted on someone&apos;s computer. Join only if this fingerprint is the one the host sees (their invite link ends with it):</source>
        <translation>Keine Zertifizierungsstelle bürgt für %1. Das ist üblich, wenn jemand einen Chat auf dem eigenen Computer hostet. Tritt nur bei, wenn dieser Fingerabdruck der ist, den der Host sieht (sein Einladungslink endet damit):</translation>
    </message>
    <message>
        <source>Trust and Join</source>
        <translation>Vertrauen und beitreten</translation>
    </message>
    <message>
        <source>Certificate Changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>%1 shows a different certificate than on your last visit. If its host did not make a new one, someone may be reading and changing what you send.</source>
        <translation>%1 zeigt ein anderes Zertifikat als bei deinem letzten Besuch. Wenn der Host kein neues erstellt hat, könnte jemand mitlesen und verändern, was du sendest.</translation>
    </message>
    <message>
        <source>Before: %1
Now: %2</source>
        <translation>Vorher: %1
Jetzt: %2</translation>
    </message>
    <message>
        <source>Trust the New Certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>The host told me the new fingerprint, and it matches</source>
        <translation>Der Host hat mir den neuen Fingerabdruck genannt, und er stimmt überein</translation>
    </message>
    <message>
        <source>Not the Invited Chat</source>
        <translation>Nicht der eingeladene Chat</translation>
    </message>
    <message>
        <source>Your invite link names a certificate, but %1 did not offer an encrypted connection. Someone may be pretending to be the chat. Ask the host for the link again.</source>
        <translation>Dein Einladungslink nennt ein Zertifikat, aber %1 hat keine verschlüsselte Verbindung angeboten. Vielleicht gibt sich jemand als der Chat aus. Bitte den Host noch einmal um den Link.</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Erwartet: %1</translation>
    </message>
    <message>
        <source>%1 is not the chat your invite link names: its certificate is different. Someone may be pretending to be the chat, or the host made a new certificate. Ask the host for the link again.</source>
        <translation>%1 ist nicht der Chat, den dein Einladungslink nennt: Sein Zertifikat ist ein anderes. Vielleicht gibt sich jemand als der Chat aus, oder der Host hat ein neues Zertifikat erstellt. Bitte den Host noch einmal um den Link.</translation>
    </message>
    <message>
        <source>Expected: %1
Received: %2</source>
        <translation>Erwartet: %1
Erhalten: %2</translation>
    </message>
</context>
<context>
    <name>Natter::ChatClient</name>
    <message>
        <source>%1 is not a Natter server.</source>
        <translation>%1 ist kein Natter-Server.</translation>
    </message>
    <message>
        <source>You signed in to this server from somewhere else.</source>
        <translation>Du hast dich an anderer Stelle bei diesem Server angemeldet.</translation>
    </message>
    <message>
        <source>The server refused the password.</source>
        <translation>Der Server hat das Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is not a chat address: chat addresses start with ws:// or wss://.</source>
        <translation>%1 ist keine Chat-Adresse: Chat-Adressen beginnen mit ws:// oder wss://.</translation>
    </message>
</context>
<context>
    <name>Natter::ChatSession</name>
    <message>
        <source>You can join rooms once Natter is connected again.</source>
        <translation>Räumen kannst du beitreten, sobald Natter wieder verbunden ist.</translation>
    </message>
    <message>
        <source>You can leave rooms once Natter is connected again.</source>
        <translation>Räume kannst du verlassen, sobald Natter wieder verbunden ist.</translation>
    </message>
    <message>
        <source>Reactions can be changed only while connected.</source>
        <translation>Reaktionen kannst du nur ändern, solange du verbunden bist.</translation>
    </message>
    <message>
        <source>The server saves messages again; the ones that waited were sent.</source>
        <translation>Der Server speichert wieder Nachrichten; die wartenden wurden gesendet.</translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Nachricht schreiben…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n Zeichen zu viel</numerusform>
            <numerusform>%n Zeichen zu viel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>Noch %n Zeichen</numerusform>
            <numerusform>Noch %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Send (%1 or %2). %3 starts a new line.</source>
        <translation>Senden (%1 oder %2). %3 beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Du bearbeitest deine Nachricht</translation>
    </message>
    <message>
        <source>%1 saves, %2 cancels</source>
        <translation>%1 speichert, %2 bricht ab</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the edited message</source>
        <translation>Die bearbeitete Nachricht speichern</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Antwort an %1</translation>
    </message>
</context>
<context>
    <name>Natter::ConnectionBanner</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Connect to Another Chat…</source>
        <translation>Mit anderem Chat verbinden…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Verbunden als %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>The host stopped this chat. Everything here stays readable, and Natter rejoins when the chat is back.</source>
        <translation>Der Host hat diesen Chat beendet. Alles hier bleibt lesbar, und Natter tritt wieder bei, sobald der Chat zurück ist.</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting… What you write is sent once Natter is back.</source>
        <translation>Verbindung unterbrochen — wird wiederhergestellt… Was du schreibst, wird gesendet, sobald Natter wieder verbunden ist.</translation>
    </message>
    <message>
        <source>Connect to a Chat…</source>
        <translation>Mit einem Chat verbinden…</translation>
    </message>
    <message>
        <source>Not connected. The conversations here are what this computer remembers.</source>
        <translation>Nicht verbunden. Du siehst die Unterhaltungen, die dieser Computer gespeichert hat.</translation>
    </message>
    <message>
        <source>%1 does not answer yet. Natter keeps trying; what you write is sent once the chat is back.</source>
        <translation>%1 antwortet noch nicht. Natter versucht es weiter; was du schreibst, wird gesendet, sobald der Chat wieder da ist.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 sent more at once than Natter accepts, so Natter hung up. Reconnecting…</source>
        <translation>%1 hat auf einmal mehr geschickt, als Natter annimmt, deshalb hat Natter die Verbindung beendet. Verbinde neu…</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationHeader</name>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>You are not in this room</source>
        <translation>Du bist nicht in diesem Raum</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>not online: messages cannot reach them now</source>
        <translation>nicht online: Nachrichten erreichen diese Person gerade nicht</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not online: they get your messages when they are back</source>
        <translation>nicht online: bekommt deine Nachrichten bei der Rückkehr</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) when last connected</source>
        <translation>
            <numerusform>%n Mitglied beim letzten Verbinden</numerusform>
            <numerusform>%n Mitglieder beim letzten Verbinden</numerusform>
        </translation>
    </message>
    <message>
        <source>members not known while not connected</source>
        <translation>Mitglieder unbekannt, solange keine Verbindung besteht</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationPane</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Browse Rooms…</source>
        <translation>Räume durchsuchen…</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationQuestions</name>
    <message>
        <source>Set Topic</source>
        <translation>Thema festlegen</translation>
    </message>
    <message>
        <source>Topic of #%1:</source>
        <translation>Thema von #%1:</translation>
    </message>
    <message>
        <source>Direct Message</source>
        <translation>Direktnachricht</translation>
    </message>
    <message>
        <source>Write directly to:</source>
        <translation>Direkt schreiben an:</translation>
    </message>
</context>
<context>
    <name>Natter::EmojiPicker</name>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Emoji suchen</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
</context>
<context>
    <name>Natter::ErrorText</name>
    <message>
        <source>Someone here already uses that name.</source>
        <translation>Jemand hier verwendet diesen Namen bereits.</translation>
    </message>
    <message>
        <source>Someone here already uses the name %1.</source>
        <translation>Jemand hier verwendet den Namen %1 bereits.</translation>
    </message>
    <message>
        <source>That name cannot be used here.</source>
        <translation>Dieser Name kann hier nicht verwendet werden.</translation>
    </message>
    <message>
        <source>That is not a valid room name.</source>
        <translation>Das ist kein gültiger Raumname.</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>Das Passwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>You are not in that room any more.</source>
        <translation>Du bist nicht mehr in diesem Raum.</translation>
    </message>
    <message>
        <source>You are not in #%1 any more.</source>
        <translation>Du bist nicht mehr in #%1.</translation>
    </message>
    <message>
        <source>That person is not online. Messages can only be sent to people who are online.</source>
        <translation>Diese Person ist nicht online. Nachrichten können nur an Personen gesendet werden, die online sind.</translation>
    </message>
    <message>
        <source>%1 is not online. Messages can only be sent to people who are online.</source>
        <translation>%1 ist nicht online. Nachrichten können nur an Personen gesendet werden, die online sind.</translation>
    </message>
    <message>
        <source>The message is empty or holds characters that cannot be sent.</source>
        <translation>Die Nachricht ist leer oder enthält Zeichen, die nicht gesendet werden können.</translation>
    </message>
    <message>
        <source>That topic is too long or holds characters that cannot be used.</source>
        <translation>Das Thema ist zu lang oder enthält Zeichen, die nicht verwendet werden können.</translation>
    </message>
    <message>
        <source>The message is longer than this server accepts.</source>
        <translation>Die Nachricht ist länger, als dieser Server erlaubt.</translation>
    </message>
    <message>
        <source>You are sending faster than the server allows. Wait a moment.</source>
        <translation>Du sendest schneller, als der Server erlaubt. Warte einen Moment.</translation>
    </message>
    <message>
        <source>The server is full, or has too many connections from your address.</source>
        <translation>Der Server ist voll oder hat zu viele Verbindungen von deiner Adresse.</translation>
    </message>
    <message>
        <source>The server could not save that. Try again.</source>
        <translation>Der Server konnte das nicht speichern. Versuch es noch einmal.</translation>
    </message>
    <message>
        <source>The server did not accept a request from this app (%1).</source>
        <translation>Der Server hat eine Anfrage dieser App nicht angenommen (%1).</translation>
    </message>
    <message>
        <source>Nobody is accepting chats at %1. Is the chat still hosted there?</source>
        <translation>Unter %1 nimmt niemand Chats an. Wird der Chat dort noch gehostet?</translation>
    </message>
    <message>
        <source>No computer called %1 was found on the network.</source>
        <translation>Im Netzwerk wurde kein Computer namens %1 gefunden.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the chat could start.</source>
        <translation>%1 hat die Verbindung getrennt, bevor der Chat beginnen konnte.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The network is not reachable. Check the connection of this computer.</source>
        <translation>Das Netzwerk ist nicht erreichbar. Prüfe die Verbindung dieses Computers.</translation>
    </message>
    <message>
        <source>The network proxy did not let the connection through.</source>
        <translation>Der Netzwerk-Proxy hat die Verbindung nicht durchgelassen.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>This server accepts encrypted connections only. Join with its invite link, which starts with wss://.</source>
        <translation>Dieser Server nimmt nur verschlüsselte Verbindungen an. Tritt über seinen Einladungslink bei, der mit wss:// beginnt.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up. If the host runs its chat without encryption, join at %2 instead.</source>
        <translation>Eine sichere Verbindung zu %1 konnte nicht hergestellt werden. Wenn der Host seinen Chat ohne Verschlüsselung betreibt, tritt stattdessen unter %2 bei.</translation>
    </message>
    <message>
        <source>That name belongs to someone else on this server. Choose another name.</source>
        <translation>Dieser Name gehört auf diesem Server jemand anderem. Wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>The name %1 belongs to someone else on this server, or looks too much like a name that does. Choose another name.</source>
        <translation>Der Name %1 gehört auf diesem Server jemand anderem oder sieht einem solchen Namen zu ähnlich. Wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>The server did not accept the proof of your identity. If you reach it through another server or a proxy that decrypts the connection, join it directly.</source>
        <translation>Der Server hat den Nachweis deiner Identität nicht angenommen. Wenn du ihn über einen anderen Server oder einen Proxy erreichst, der die Verbindung entschlüsselt, tritt ihm direkt bei.</translation>
    </message>
    <message>
        <source>That person is a guest who is not online now, so the message cannot wait for them.</source>
        <translation>Diese Person ist ein Gast und gerade nicht online, daher kann die Nachricht nicht auf sie warten.</translation>
    </message>
    <message>
        <source>%1 is a guest who is not online now, so the message cannot wait for them.</source>
        <translation>%1 ist ein Gast und gerade nicht online, daher kann die Nachricht nicht auf %1 warten.</translation>
    </message>
    <message>
        <source>That message is no longer there to change: it was deleted, or never reached the server.</source>
        <translation>Diese Nachricht gibt es nicht mehr zum Ändern: Sie wurde gelöscht oder hat den Server nie erreicht.</translation>
    </message>
    <message>
        <source>Only the person who sent a message can change it, and only when they own their name here.</source>
        <translation>Nur wer eine Nachricht gesendet hat, kann sie ändern, und nur, wenn der Name hier der eigene ist.</translation>
    </message>
    <message>
        <source>Search for at least one word, in fewer than 200 characters.</source>
        <translation>Suche nach mindestens einem Wort, in weniger als 200 Zeichen.</translation>
    </message>
    <message>
        <source>A reaction must be a single emoji.</source>
        <translation>Eine Reaktion muss ein einzelnes Emoji sein.</translation>
    </message>
    <message>
        <source>That message already has as many different reactions as this server allows.</source>
        <translation>Diese Nachricht hat schon so viele verschiedene Reaktionen, wie dieser Server erlaubt.</translation>
    </message>
    <message>
        <source>The server cannot save messages right now. Yours are kept and sent again by themselves.</source>
        <translation>Der Server kann gerade keine Nachrichten speichern. Deine werden aufbewahrt und von selbst noch einmal gesendet.</translation>
    </message>
    <message>
        <source>No more rooms can be joined or created now: you are in as many rooms as this server allows, it has as many rooms as it can hold, or you have made as many new rooms as it lets one person make for now. Join an existing room, or try again later.</source>
        <translation>Jetzt kannst du keine weiteren Räume betreten oder anlegen: Du bist in so vielen Räumen, wie dieser Server erlaubt, er hat so viele Räume, wie er fassen kann, oder du hast so viele neue Räume angelegt, wie er einer Person vorerst erlaubt. Tritt einem bestehenden Raum bei oder versuche es später noch einmal.</translation>
    </message>
</context>
<context>
    <name>Natter::HistoryExcerpt</name>
    <message>
        <source>That message is no longer there.</source>
        <translation>Diese Nachricht gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Older messages can be loaded once Natter is connected again.</source>
        <translation>Ältere Nachrichten können geladen werden, sobald Natter wieder verbunden ist.</translation>
    </message>
</context>
<context>
    <name>Natter::HostController</name>
    <message>
        <source>The previous server is still stopping.</source>
        <translation>Der vorherige Server wird noch beendet.</translation>
    </message>
    <message>
        <source>A chat is already hosted.</source>
        <translation>Es wird bereits ein Chat gehostet.</translation>
    </message>
    <message>
        <source>Port %1 was not available, so this chat uses port %2 instead.</source>
        <translation>Port %1 war nicht verfügbar, daher nutzt dieser Chat stattdessen Port %2.</translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation>Hosten konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not start hosting: another Natter is already hosting from this folder (%1). Use the chat it hosts, or stop it first.</source>
        <translation>Hosten konnte nicht gestartet werden: Ein anderes Natter hostet schon aus diesem Ordner (%1). Nutze den Chat, den es hostet, oder beende es zuerst.</translation>
    </message>
    <message>
        <source>Could not start hosting: the chat history %1 is read-only. Make the file and its folder writable.</source>
        <translation>Hosten konnte nicht gestartet werden: Der Chatverlauf %1 ist schreibgeschützt. Mach die Datei und ihren Ordner beschreibbar.</translation>
    </message>
    <message>
        <source>Could not start hosting: the chat history %1 is damaged. Restore it from a backup, or move it away to start with an empty history.</source>
        <translation>Hosten konnte nicht gestartet werden: Der Chatverlauf %1 ist beschädigt. Stell ihn aus einer Sicherung wieder her oder verschiebe ihn, um mit einem leeren Verlauf zu beginnen.</translation>
    </message>
</context>
<context>
    <name>Natter::HostingQuestion</name>
    <message>
        <source>Quit Natter</source>
        <translation>Natter beenden</translation>
    </message>
    <message>
        <source>Stop Hosting</source>
        <translation>Hosten beenden</translation>
    </message>
    <message>
        <source>This computer hosts the chat. Everyone connected to it will be disconnected until you host it again.</source>
        <translation>Dieser Computer hostet den Chat. Alle, die damit verbunden sind, werden getrennt, bis du den Chat wieder hostest.</translation>
    </message>
    <message>
        <source>Stop Hosting and Quit</source>
        <translation>Hosten und Natter beenden</translation>
    </message>
    <message>
        <source>Keep Hosting in the Tray</source>
        <translation>Im Infobereich weiter hosten</translation>
    </message>
</context>
<context>
    <name>Natter::IdentityBox</name>
    <message>
        <source>Your Identity</source>
        <translation>Deine Identität</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Your names on each server belong to this key. Others can compare its safety number with the one they see for you:</source>
        <translation>Deine Namen auf jedem Server gehören zu diesem Schlüssel. Andere können seine Sicherheitsnummer mit der vergleichen, die sie für dich sehen:</translation>
    </message>
    <message>
        <source>No key: you join chats as a guest.</source>
        <translation>Kein Schlüssel: Du nimmst als Gast an Chats teil.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase for the key file:</source>
        <translation>Passphrase für die Schlüsseldatei:</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>Dieselbe Passphrase noch einmal:</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was exported.</source>
        <translation>Die beiden Passphrasen unterscheiden sich. Es wurde nichts exportiert.</translation>
    </message>
    <message>
        <source>Export Your Identity</source>
        <translation>Deine Identität exportieren</translation>
    </message>
    <message>
        <source>Natter identity (*.pem)</source>
        <translation>Natter-Identität (*.pem)</translation>
    </message>
    <message>
        <source>Import an Identity</source>
        <translation>Eine Identität importieren</translation>
    </message>
    <message>
        <source>Natter identity (*.pem);;All files (*)</source>
        <translation>Natter-Identität (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Replace Your Identity?</source>
        <translation>Deine Identität ersetzen?</translation>
    </message>
    <message>
        <source>Names you own with the key you have now will no longer be yours from this computer. Use the imported key instead?</source>
        <translation>Namen, die dir mit dem jetzigen Schlüssel gehören, sind von diesem Computer aus nicht mehr deine. Stattdessen den importierten Schlüssel verwenden?</translation>
    </message>
    <message>
        <source>Choose a passphrase: the file would otherwise let anyone take your names.</source>
        <translation>Wähle eine Passphrase: Sonst könnte jeder mit der Datei deine Namen übernehmen.</translation>
    </message>
    <message>
        <source>Your identity was exported to %1.</source>
        <translation>Deine Identität wurde nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Your identity could not be exported: %1</source>
        <translation>Deine Identität konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>That key could not be imported: %1</source>
        <translation>Dieser Schlüssel konnte nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>This computer now uses the imported identity. It signs in with it the next time Natter connects to a chat.</source>
        <translation>Dieser Computer verwendet jetzt die importierte Identität. Natter meldet sich damit an, sobald es sich das nächste Mal mit einem Chat verbindet.</translation>
    </message>
    <message>
        <source>The imported key could not be kept: %1</source>
        <translation>Der importierte Schlüssel konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>To keep your names on another computer, export the key here with a passphrase and import it there.</source>
        <translation>Um deine Namen auf einem anderen Computer zu behalten, exportiere den Schlüssel hier mit einer Passphrase und importiere ihn dort.</translation>
    </message>
</context>
<context>
    <name>Natter::InfoBar</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Natter::Launcher</name>
    <message>
        <source>%1&apos;s chat</source>
        <translation>Chat von %1</translation>
    </message>
    <message>
        <source>Natter is still hosting</source>
        <translation>Natter hostet weiterhin</translation>
    </message>
    <message>
        <source>Others can keep chatting. Use Quit in the tray menu to stop hosting.</source>
        <translation>Die anderen können weiterchatten. Um das Hosten zu beenden, wähle „Beenden“ im Menü des Infobereichs.</translation>
    </message>
    <message>
        <source>Your identity key could not be read, so you can only join as a guest for now: %1</source>
        <translation>Dein Identitätsschlüssel konnte nicht gelesen werden, daher kannst du vorerst nur als Gast beitreten: %1</translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Set &amp;Topic…</source>
        <translation>&amp;Thema festlegen…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Direct Message…</source>
        <translation>&amp;Direktnachricht…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Change &amp;Name…</source>
        <translation>&amp;Namen ändern…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Hosten beenden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Nachricht an %1</translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation>%1 — Natter</translation>
    </message>
    <message>
        <source>Connect to &amp;Another Chat…</source>
        <translation>Mit &amp;anderem Chat verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Browse Rooms…</source>
        <translation>Räume durch&amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Copy Invite Link</source>
        <translation>Einladungslink &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Jump to Conversation…</source>
        <translation>Zu Unterhaltung &amp;springen…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Next Unread Conversation</source>
        <translation>&amp;Nächste ungelesene Unterhaltung</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>&amp;Previous Unread Conversation</source>
        <translation>&amp;Vorherige ungelesene Unterhaltung</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Newest &amp;Message</source>
        <translation>Neueste N&amp;achricht</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>Über &amp;Natter</translation>
    </message>
    <message>
        <source>The rooms of this chat can be browsed once Natter is connected again.</source>
        <translation>Die Räume dieses Chats kannst du durchsuchen, sobald Natter wieder verbunden ist.</translation>
    </message>
    <message>
        <source>Nothing else is unread.</source>
        <translation>Keine weiteren ungelesenen Unterhaltungen.</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Neue Zeile beginnen</translation>
    </message>
    <message>
        <source>Copy the selected message or text</source>
        <translation>Ausgewählte Nachricht oder ausgewählten Text kopieren</translation>
    </message>
    <message>
        <source>Show M&amp;embers</source>
        <translation>&amp;Mitglieder anzeigen</translation>
    </message>
    <message>
        <source>C&amp;lose Conversation</source>
        <translation>Unterhaltung &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Find in Conversation…</source>
        <translation>In Unterhaltung &amp;suchen …</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Find in &amp;All Conversations…</source>
        <translation>In &amp;allen Unterhaltungen suchen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Complete the name after @</source>
        <translation>Den Namen nach @ vervollständigen</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty box)</source>
        <translation>Deine letzte Nachricht bearbeiten (in einem leeren Feld)</translation>
    </message>
    <message>
        <source>Actions for the selected message (also Shift+F10)</source>
        <translation>Aktionen für die ausgewählte Nachricht (auch Umschalt+F10)</translation>
    </message>
</context>
<context>
    <name>Natter::MemberDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>%1 — typing…</source>
        <translation>%1 — schreibt…</translation>
    </message>
    <message>
        <source>%1 — not online</source>
        <translation>%1 — nicht online</translation>
    </message>
    <message>
        <source>%1 — guest</source>
        <translation>%1 — Gast</translation>
    </message>
</context>
<context>
    <name>Natter::MemberModel</name>
    <message>
        <source>%1, you</source>
        <translation>%1, du</translation>
    </message>
    <message>
        <source>%1, typing</source>
        <translation>%1, schreibt gerade</translation>
    </message>
    <message>
        <source>%1, not online</source>
        <translation>%1, nicht online</translation>
    </message>
    <message>
        <source>%1, guest</source>
        <translation>%1, Gast</translation>
    </message>
</context>
<context>
    <name>Natter::MemberPane</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Double-click someone to write to them directly; right-click for their profile.</source>
        <translation>Doppelklicke auf jemanden, um direkt zu schreiben; Rechtsklick zeigt das Profil.</translation>
    </message>
    <message>
        <source>View Profile</source>
        <translation>Profil anzeigen</translation>
    </message>
    <message>
        <source>Send Message</source>
        <translation>Nachricht senden</translation>
    </message>
</context>
<context>
    <name>Natter::MemberProfile</name>
    <message>
        <source>Profile of %1</source>
        <translation>Profil von %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>%1 is a guest: the name is not theirs on this server, and anyone may use it once they leave. Guests have no safety number.</source>
        <translation>%1 ist Gast: Der Name gehört auf diesem Server niemandem, und jeder darf ihn verwenden, sobald %1 geht. Gäste haben keine Sicherheitsnummer.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <source>Others see this number for you. When they read it to you and it matches, they are talking to you.</source>
        <translation>Andere sehen diese Nummer für dich. Wenn sie dir die Nummer vorlesen und sie übereinstimmt, sprechen sie mit dir.</translation>
    </message>
    <message>
        <source>Ask %1 to read you the number Natter shows for them (in Preferences). If it matches, you are talking to %1 and nobody else.</source>
        <translation>Bitte %1, dir die Nummer vorzulesen, die Natter für %1 anzeigt (in den Einstellungen). Stimmt sie überein, sprichst du mit %1 und niemandem sonst.</translation>
    </message>
    <message>
        <source>Copy Safety Number</source>
        <translation>Sicherheitsnummer kopieren</translation>
    </message>
    <message>
        <source>Send Message</source>
        <translation>Nachricht senden</translation>
    </message>
</context>
<context>
    <name>Natter::MessageActions</name>
    <message>
        <source>Delete Message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message for everyone? Nobody will be able to read it again.</source>
        <translation>Diese Nachricht für alle löschen? Niemand wird sie wieder lesen können.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>Natter::MessageJump</name>
    <message>
        <source>Back to Newest</source>
        <translation>Zurück zu den neuesten</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>You are reading older messages of %1.</source>
        <extracomment>Shown above older messages opened from a search; %1 is the conversation, &quot;#dev&quot; or a person&apos;s name.</extracomment>
        <translation>Du liest ältere Nachrichten von %1.</translation>
    </message>
</context>
<context>
    <name>Natter::MessageLayout</name>
    <message>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <source>Not sent — click to retry</source>
        <translation>Nicht gesendet — zum Wiederholen klicken</translation>
    </message>
    <message>
        <source>Not sent: %1 — click to retry</source>
        <translation>Nicht gesendet: %1 — zum Wiederholen klicken</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
    <message>
        <source>%1: a deleted message</source>
        <translation>%1: eine gelöschte Nachricht</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>Natter::MessageMenu</name>
    <message>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Copy Code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Copy Code Block %1</source>
        <translation>Codeblock %1 kopieren</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Reagieren</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Mehr …</translation>
    </message>
</context>
<context>
    <name>Natter::MessageModel</name>
    <message>
        <source>%1, %2, * %1 %3</source>
        <translation>%1, %2, * %1 %3</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>%1, sending</source>
        <translation>%1, wird gesendet</translation>
    </message>
    <message>
        <source>%1, not sent</source>
        <translation>%1, nicht gesendet</translation>
    </message>
    <message>
        <source>%1, %2, message deleted</source>
        <translation>%1, %2, Nachricht gelöscht</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1, bearbeitet</translation>
    </message>
    <message>
        <source>%1 %2 (yours)</source>
        <translation>%1 %2 (deine)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, reactions: %2</source>
        <translation>%1, Reaktionen: %2</translation>
    </message>
</context>
<context>
    <name>Natter::MessageNotifier</name>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 in #%2</translation>
    </message>
</context>
<context>
    <name>Natter::MessagePainter</name>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Noch keine Nachrichten. Sag hallo!</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>Natter::NameDialog</name>
    <message>
        <source>Choose a name</source>
        <translation>Namen wählen</translation>
    </message>
    <message>
        <source>What should others call you?</source>
        <translation>Wie sollen andere dich nennen?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>Natter::NewMessagesButton</name>
    <message>
        <source>New messages ↓</source>
        <translation>Neue Nachrichten ↓</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
    <message>
        <source>Scrolls to the newest message</source>
        <translation>Scrollt zur neuesten Nachricht</translation>
    </message>
</context>
<context>
    <name>Natter::OnlineMembers</name>
    <message>
        <source>%1 signed in with a different key than before on this server: it may be someone else, or %1 on a new computer. Compare safety numbers in %1&apos;s profile before you trust what they say.</source>
        <translation>%1 hat sich auf diesem Server mit einem anderen Schlüssel als zuvor angemeldet: Das kann jemand anderes sein oder %1 an einem neuen Computer. Vergleiche die Sicherheitsnummern in %1s Profil, bevor du dem Gesagten vertraust.</translation>
    </message>
</context>
<context>
    <name>Natter::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Notify me of direct messages</source>
        <translation>Bei Direktnachrichten benachrichtigen</translation>
    </message>
    <message>
        <source>Notify me when someone mentions my name</source>
        <translation>Benachrichtigen, wenn jemand meinen Namen erwähnt</translation>
    </message>
    <message>
        <source>Keep hosting in the tray when I close the window</source>
        <translation>Beim Schließen des Fensters im Infobereich weiter hosten</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation>Hosten</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
</context>
<context>
    <name>Natter::QuickSwitcher</name>
    <message>
        <source>Jump to a conversation</source>
        <translation>Zu einer Unterhaltung springen</translation>
    </message>
    <message>
        <source>Jump to a conversation…</source>
        <translation>Zu einer Unterhaltung springen…</translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Name der Unterhaltung</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversation matches</source>
        <translation>Keine passende Unterhaltung</translation>
    </message>
</context>
<context>
    <name>Natter::ReactionBar</name>
    <message>
        <source>React with %1</source>
        <translation>Mit %1 reagieren</translation>
    </message>
    <message>
        <source>More reactions</source>
        <translation>Weitere Reaktionen</translation>
    </message>
</context>
<context>
    <name>Natter::ReactionChips</name>
    <message numerus="yes">
        <source>%1 reacted with %2 and %n more</source>
        <translation>
            <numerusform>Mit %2 reagiert: %1 und %n weitere Person</numerusform>
            <numerusform>Mit %2 reagiert: %1 und %n weitere Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>Mit %2 reagiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reacted with %1</source>
        <translation>
            <numerusform>%n Person hat mit %1 reagiert</numerusform>
            <numerusform>%n Personen haben mit %1 reagiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This message has %n different reactions, the most the server allows. Add yours to one of them.</source>
        <translation>
            <numerusform>Diese Nachricht hat %n verschiedene Reaktion, mehr lässt der Server nicht zu. Schließ dich ihr an.</numerusform>
            <numerusform>Diese Nachricht hat %n verschiedene Reaktionen, mehr lässt der Server nicht zu. Schließ dich einer davon an.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::RefusalNotices</name>
    <message>
        <source>Older messages in %1 could not be loaded: %2</source>
        <translation>Ältere Nachrichten in %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Could not join #%1: %2</source>
        <translation>Beitritt zu #%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The topic of #%1 was not changed: %2</source>
        <translation>Das Thema von #%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>Your name was not changed: %1</source>
        <translation>Dein Name wurde nicht geändert: %1</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryDelegate</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryDialog</name>
    <message>
        <source>Browse Rooms</source>
        <translation>Räume durchsuchen</translation>
    </message>
    <message>
        <source>Browse Rooms — %1</source>
        <translation>Räume durchsuchen — %1</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Raum suchen oder erstellen</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Loading rooms…</source>
        <translation>Räume werden geladen…</translation>
    </message>
    <message>
        <source>There are no rooms yet. Type a name to create one.</source>
        <translation>Es gibt noch keine Räume. Gib einen Namen ein, um einen zu erstellen.</translation>
    </message>
    <message>
        <source>No rooms match</source>
        <translation>Keine passenden Räume</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>#%1 erstellen</translation>
    </message>
    <message>
        <source>Join #%1</source>
        <translation>#%1 beitreten</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryModel</name>
    <message>
        <source>Room %1</source>
        <translation>Raum %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>topic: %1</source>
        <translation>Thema: %1</translation>
    </message>
</context>
<context>
    <name>Natter::RoomListModel</name>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Direktnachrichten</translation>
    </message>
    <message>
        <source>Room %1</source>
        <translation>Raum %1</translation>
    </message>
    <message>
        <source>Direct messages with %1</source>
        <translation>Direktnachrichten mit %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread, mentioned</source>
        <translation>
            <numerusform>%1, %n ungelesene Nachricht, mit Erwähnung</numerusform>
            <numerusform>%1, %n ungelesene Nachrichten, mit Erwähnung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesene Nachricht</numerusform>
            <numerusform>%1, %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::SearchHitDelegate</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>Where a search hit is and who wrote it: &quot;#dev · Ada&quot;.</extracomment>
        <translation>Du liest ältere Nachrichten von %1.</translation>
    </message>
</context>
<context>
    <name>Natter::SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Nachrichten durchsuchen</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Suche schließen (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Wo gesucht wird</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>In %1</source>
        <extracomment>Where to search: only the conversation on screen, &quot;#dev&quot; or a person&apos;s name.</extracomment>
        <translation>In %1</translation>
    </message>
    <message>
        <source>In this conversation</source>
        <translation>In dieser Unterhaltung</translation>
    </message>
    <message>
        <source>Type words to find the messages that contain them.</source>
        <translation>Gib Wörter ein, um die Nachrichten zu finden, die sie enthalten.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No messages contain “%1”.</source>
        <translation>Keine Nachricht enthält „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n Nachricht gefunden.</numerusform>
            <numerusform>%n Nachrichten gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::SearchResultsModel</name>
    <message>
        <source>Messages can be searched once Natter is connected again.</source>
        <translation>Nachrichten können durchsucht werden, sobald Natter wieder verbunden ist.</translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <extracomment>A search hit read by a screen reader: sender, conversation, time, the text around the match.</extracomment>
        <translation>%1 in %2, %3: %4</translation>
    </message>
</context>
<context>
    <name>Natter::ServerAddress</name>
    <message>
        <source>Type the address the host shared with you.</source>
        <translation>Gib die Adresse ein, die der Host mit dir geteilt hat.</translation>
    </message>
    <message>
        <source>An address cannot contain spaces.</source>
        <translation>Eine Adresse darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Chat addresses start with ws:// or wss://, not %1://.</source>
        <translation>Chat-Adressen beginnen mit ws:// oder wss://, nicht mit %1://.</translation>
    </message>
    <message>
        <source>Leave names and passwords out of the address; use the password field.</source>
        <translation>Lass Namen und Passwörter in der Adresse weg; nutze das Passwortfeld.</translation>
    </message>
    <message>
        <source>That is not a valid IPv6 address.</source>
        <translation>Das ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>The address needs a computer name or IP address, such as 192.168.1.20.</source>
        <translation>Die Adresse braucht einen Computernamen oder eine IP-Adresse, z. B. 192.168.1.20.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>“%1” is not a valid computer name or IP address.</source>
        <translation>„%1“ ist weder ein gültiger Computername noch eine gültige IP-Adresse.</translation>
    </message>
    <message>
        <source>That is not a valid address.</source>
        <translation>Das ist keine gültige Adresse.</translation>
    </message>
    <message>
        <source>Put IPv6 addresses in brackets, such as wss://[fe80::1]:8642.</source>
        <translation>Setze IPv6-Adressen in eckige Klammern, z. B. wss://[fe80::1]:8642.</translation>
    </message>
    <message>
        <source>This invite link names a certificate, so it must start with wss://.</source>
        <translation>Dieser Einladungslink nennt ein Zertifikat, daher muss er mit wss:// beginnen.</translation>
    </message>
    <message>
        <source>The certificate fingerprint at the end of this invite link is damaged. Ask the host for the link again.</source>
        <translation>Der Zertifikat-Fingerabdruck am Ende dieses Einladungslinks ist beschädigt. Bitte den Host noch einmal um den Link.</translation>
    </message>
</context>
<context>
    <name>Natter::ServerSocket</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>%1 hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent more at once than Natter accepts.</source>
        <translation>%1 hat auf einmal mehr geschickt, als Natter annimmt.</translation>
    </message>
</context>
<context>
    <name>Natter::ShareStatus</name>
    <message>
        <source>Copy Invite Link</source>
        <translation>Einladungslink kopieren</translation>
    </message>
    <message>
        <source>Copy the address others can join at</source>
        <translation>Adresse kopieren, unter der andere beitreten können</translation>
    </message>
    <message>
        <source>Others can join at %1</source>
        <translation>Andere können unter %1 beitreten</translation>
    </message>
    <message>
        <source>Invite link copied.</source>
        <translation>Einladungslink kopiert.</translation>
    </message>
</context>
<context>
    <name>Natter::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Typing and moving around</source>
        <translation>Schreiben und Navigieren</translation>
    </message>
</context>
<context>
    <name>Natter::SignInTrouble</name>
    <message>
        <source>%1 Pick another name.</source>
        <translation>%1 Wähle einen anderen Namen.</translation>
    </message>
    <message>
        <source>The chat at %1 needs a password. Type the one the host gave you.</source>
        <translation>Der Chat unter %1 braucht ein Passwort. Gib das ein, das dir der Host gegeben hat.</translation>
    </message>
    <message>
        <source>The password for %1 is not right.</source>
        <translation>Das Passwort für %1 ist nicht richtig.</translation>
    </message>
</context>
<context>
    <name>Natter::StartDialog</name>
    <message>
        <source>Start chatting</source>
        <translation>Loslegen</translation>
    </message>
    <message>
        <source>Host a chat on this computer</source>
        <translation>Chat auf diesem Computer hosten</translation>
    </message>
    <message>
        <source>Others on your network can join. You&apos;ll get an address to share.</source>
        <translation>Andere in deinem Netzwerk können beitreten. Du erhältst eine Adresse zum Teilen.</translation>
    </message>
    <message>
        <source>Host a Chat</source>
        <translation>Chat hosten</translation>
    </message>
    <message>
        <source>Join by URL</source>
        <translation>Per URL beitreten</translation>
    </message>
    <message>
        <source>Only if the host set one</source>
        <translation>Nur, falls der Host eines festgelegt hat</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Connects to %1</source>
        <translation>Verbindet mit %1</translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Natter anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n ungelesene Nachricht</numerusform>
            <numerusform>Natter — %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
</context>
<context>
    <name>Natter::TypingLine</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
</context>
<context>
    <name>Natter::Validation</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation>Der Name darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>A name must be valid Unicode text.</source>
        <translation>Der Name muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>Der Name darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A name cannot contain control, formatting or invisible characters (U+%1).</source>
        <translation>Der Name darf keine Steuer-, Formatierungs- oder unsichtbaren Zeichen enthalten (U+%1).</translation>
    </message>
    <message>
        <source>A room name is 1 to 32 lower-case letters, digits, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Ein Raumname besteht aus 1 bis 32 Kleinbuchstaben, Ziffern, &apos;-&apos; oder &apos;_&apos; und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Die Nachricht darf nicht leer sein.</translation>
    </message>
    <message>
        <source>A message must be valid Unicode text.</source>
        <translation>Die Nachricht muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A message cannot contain control characters other than line breaks and tabs.</source>
        <translation>Die Nachricht darf außer Zeilenumbrüchen und Tabulatoren keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A message can be at most %1 bytes long.</source>
        <translation>Die Nachricht darf höchstens %1 Bytes lang sein.</translation>
    </message>
    <message>
        <source>A topic must be valid Unicode text.</source>
        <translation>Das Thema muss gültiger Unicode-Text sein.</translation>
    </message>
    <message>
        <source>A topic can have at most %1 characters.</source>
        <translation>Das Thema darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A topic is one line without control characters.</source>
        <translation>Das Thema muss eine einzelne Zeile ohne Steuerzeichen sein.</translation>
    </message>
    <message>
        <source>A message id is 1 to %1 characters.</source>
        <translation>Eine Nachrichten-ID ist 1 bis %1 Zeichen lang.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat on your network without signing up.</source>
        <translation>Chatte in deinem Netzwerk, ohne dich zu registrieren.</translation>
    </message>
    <message>
        <source>Your name in the chat.</source>
        <translation>Dein Name im Chat.</translation>
    </message>
    <message>
        <source>Host a chat on this computer right away.</source>
        <translation>Sofort einen Chat auf diesem Computer hosten.</translation>
    </message>
    <message>
        <source>Join the chat at URL.</source>
        <translation>Dem Chat unter URL beitreten.</translation>
    </message>
</context>
</TS>
