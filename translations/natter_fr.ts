<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Natter::ChatClient</name>
    <message>
        <source>%1 is not a Natter server.</source>
        <translation>%1 n’est pas un serveur Natter.</translation>
    </message>
    <message>
        <source>You signed in to this server from somewhere else.</source>
        <translation>Vous avez ouvert une session sur ce serveur depuis un autre endroit.</translation>
    </message>
    <message>
        <source>The server refused the password.</source>
        <translation>Le serveur a refusé le mot de passe.</translation>
    </message>
</context>
<context>
    <name>Natter::Composer</name>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>Écrire un message…</translation>
    </message>
    <message>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Envoyer (Entrée). Maj+Entrée pour aller à la ligne.</translation>
    </message>
    <message>
        <source>Bytes over the limit: %1</source>
        <translation>Octets au-delà de la limite&#x202f;: %1</translation>
    </message>
    <message>
        <source>Bytes left: %1</source>
        <translation>Octets restants&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>Natter::HostController</name>
    <message>
        <source>The previous server is still stopping.</source>
        <translation>Le serveur précédent est encore en cours d’arrêt.</translation>
    </message>
    <message>
        <source>A chat is already hosted.</source>
        <translation>Une discussion est déjà hébergée.</translation>
    </message>
    <message>
        <source>Port %1 was not available, so this chat uses port %2 instead.</source>
        <translation>Le port %1 n’était pas disponible, cette discussion utilise donc le port %2.</translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation>Impossible de démarrer l’hébergement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Natter::Launcher</name>
    <message>
        <source>%1&apos;s chat</source>
        <translation>Discussion de %1</translation>
    </message>
    <message>
        <source>Could not start hosting: %1</source>
        <translation>Impossible de démarrer l’hébergement&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 dans #%2</translation>
    </message>
    <message>
        <source>%1 Pick another name.</source>
        <translation>%1 Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Wrong password for %1.</source>
        <translation>Mot de passe incorrect pour %1.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Impossible de se connecter à %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Natter is still hosting</source>
        <translation>Natter héberge toujours la discussion</translation>
    </message>
    <message>
        <source>Others can keep chatting. Use Quit in the tray menu to stop hosting.</source>
        <translation>Les autres peuvent continuer à discuter. Pour arrêter l’hébergement, choisissez «&#xa0;Quitter&#xa0;» dans le menu de la zone de notification.</translation>
    </message>
    <message>
        <source>Stop Hosting</source>
        <translation>Arrêter l’hébergement</translation>
    </message>
    <message>
        <source>Everyone connected to this computer will be disconnected. Stop hosting?</source>
        <translation>Toutes les personnes connectées à cet ordinateur seront déconnectées. Arrêter l’hébergement&#x202f;?</translation>
    </message>
</context>
<context>
    <name>Natter::MainWindow</name>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <source>Join or create a room…</source>
        <translation>Rejoindre ou créer un salon…</translation>
    </message>
    <message>
        <source>Double-click someone to write to them directly.</source>
        <translation>Double-cliquez sur une personne pour lui écrire directement.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Discussion</translation>
    </message>
    <message>
        <source>&amp;Join or Create Room…</source>
        <translation>&amp;Rejoindre ou créer un salon…</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Leave Room</source>
        <translation>Quitter le &amp;salon</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Set &amp;Topic…</source>
        <translation>&amp;Définir le sujet…</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>&amp;Direct Message…</source>
        <translation>&amp;Message privé…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Change &amp;Name…</source>
        <translation>Changer de &amp;nom…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Copy Share Address</source>
        <translation>&amp;Copier l’adresse de partage</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Arrêter l’hébergement</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the address others can join at</source>
        <translation>Copier l’adresse permettant aux autres de rejoindre la discussion</translation>
    </message>
    <message>
        <source>Others can join at %1</source>
        <translation>Les autres peuvent rejoindre la discussion via %1</translation>
    </message>
    <message>
        <source>Address copied.</source>
        <translation>Adresse copiée.</translation>
    </message>
    <message>
        <source>Message #%1</source>
        <translation>Message à #%1</translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation>Message à %1</translation>
    </message>
    <message>
        <source>%1 — Natter</source>
        <translation>%1 — Natter</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 est en train d’écrire…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 et %2 sont en train d’écrire…</translation>
    </message>
    <message>
        <source>Several people are typing…</source>
        <translation>Plusieurs personnes sont en train d’écrire…</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting… Nothing you write is lost.</source>
        <translation>Connexion perdue — reconnexion en cours… Rien de ce que vous écrivez n’est perdu.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Join or Create Room</source>
        <translation>Rejoindre ou créer un salon</translation>
    </message>
    <message>
        <source>Room name (lower-case letters, digits, - and _):</source>
        <translation>Nom du salon (lettres minuscules, chiffres, - et _)&#xa0;:</translation>
    </message>
    <message>
        <source>Set Topic</source>
        <translation>Définir le sujet</translation>
    </message>
    <message>
        <source>Topic of #%1:</source>
        <translation>Sujet de #%1&#xa0;:</translation>
    </message>
    <message>
        <source>Direct Message</source>
        <translation>Message privé</translation>
    </message>
    <message>
        <source>Write directly to:</source>
        <translation>Écrire directement à&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Natter::MemberDelegate</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>%1 — typing…</source>
        <translation>%1 — écrit…</translation>
    </message>
</context>
<context>
    <name>Natter::MessageDelegate</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
</context>
<context>
    <name>Natter::MessageLayout</name>
    <message>
        <source>sending…</source>
        <translation>envoi en cours…</translation>
    </message>
    <message>
        <source>Not sent — click to retry</source>
        <translation>Non envoyé — cliquez pour réessayer</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>New messages ↓</source>
        <translation>Nouveaux messages ↓</translation>
    </message>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Aucun message pour l’instant. Dites bonjour&#x202f;!</translation>
    </message>
</context>
<context>
    <name>Natter::NameDialog</name>
    <message>
        <source>Choose a name</source>
        <translation>Choisir un nom</translation>
    </message>
    <message>
        <source>What should others call you?</source>
        <translation>Comment les autres doivent-ils vous appeler&#x202f;?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>Natter::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Notify me of direct messages</source>
        <translation>M’avertir des messages privés</translation>
    </message>
    <message>
        <source>Notify me when someone mentions my name</source>
        <translation>M’avertir quand quelqu’un mentionne mon nom</translation>
    </message>
    <message>
        <source>Keep hosting in the tray when I close the window</source>
        <translation>Continuer l’hébergement dans la zone de notification à la fermeture de la fenêtre</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation>Hébergement</translation>
    </message>
</context>
<context>
    <name>Natter::RoomListModel</name>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>Messages privés</translation>
    </message>
</context>
<context>
    <name>Natter::StartDialog</name>
    <message>
        <source>Start chatting</source>
        <translation>Commencer à discuter</translation>
    </message>
    <message>
        <source>Host a chat on this computer</source>
        <translation>Héberger une discussion sur cet ordinateur</translation>
    </message>
    <message>
        <source>Others on your network can join. You&apos;ll get an address to share.</source>
        <translation>Les autres personnes de votre réseau pourront la rejoindre. Vous obtiendrez une adresse à partager.</translation>
    </message>
    <message>
        <source>Host a Chat</source>
        <translation>Héberger une discussion</translation>
    </message>
    <message>
        <source>Join by URL</source>
        <translation>Rejoindre par URL</translation>
    </message>
    <message>
        <source>Only if the host set one</source>
        <translation>Uniquement si l’hôte en a défini un</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Connects to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>Type the address the host shared with you.</source>
        <translation>Saisissez l’adresse que l’hôte vous a communiquée.</translation>
    </message>
    <message>
        <source>An address cannot contain spaces.</source>
        <translation>Une adresse ne peut pas contenir d’espaces.</translation>
    </message>
    <message>
        <source>Chat addresses start with ws:// or wss://, not %1://.</source>
        <translation>Les adresses de discussion commencent par ws:// ou wss://, pas par %1://.</translation>
    </message>
    <message>
        <source>Leave names and passwords out of the address; use the password field.</source>
        <translation>N’indiquez ni nom ni mot de passe dans l’adresse&#x202f;; utilisez le champ du mot de passe.</translation>
    </message>
    <message>
        <source>That is not a valid IPv6 address.</source>
        <translation>Ce n’est pas une adresse IPv6 valide.</translation>
    </message>
    <message>
        <source>Put IPv6 addresses in brackets, such as ws://[fe80::1]:8642.</source>
        <translation>Mettez les adresses IPv6 entre crochets, par exemple ws://[fe80::1]:8642.</translation>
    </message>
    <message>
        <source>The address needs a computer name or IP address, such as 192.168.1.20.</source>
        <translation>L’adresse doit contenir un nom d’ordinateur ou une adresse IP, par exemple 192.168.1.20.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>“%1” is not a valid computer name or IP address.</source>
        <translation>«&#xa0;%1&#xa0;» n’est ni un nom d’ordinateur ni une adresse IP valide.</translation>
    </message>
    <message>
        <source>That is not a valid address.</source>
        <translation>Ce n’est pas une adresse valide.</translation>
    </message>
</context>
<context>
    <name>Natter::TrayIcon</name>
    <message>
        <source>Show Natter</source>
        <translation>Afficher Natter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message numerus="yes">
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n message non lu</numerusform>
            <numerusform>Natter — %n messages non lus</numerusform>
        </translation>
    </message>
    <message>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
</context>
<context>
    <name>Natter::Validation</name>
    <message>
        <source>A name cannot be empty.</source>
        <translation>Le nom ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A name cannot start or end with a space.</source>
        <translation>Le nom ne peut ni commencer ni se terminer par une espace.</translation>
    </message>
    <message>
        <source>A name must be valid Unicode text.</source>
        <translation>Le nom doit être un texte Unicode valide.</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>Le nom peut comporter au maximum %1 caractères.</translation>
    </message>
    <message>
        <source>A name cannot contain control, formatting or invisible characters (U+%1).</source>
        <translation>Le nom ne peut pas contenir de caractères de contrôle, de mise en forme ou invisibles (U+%1).</translation>
    </message>
    <message>
        <source>A room name is 1 to 32 lower-case letters, digits, &apos;-&apos; or &apos;_&apos;, starting with a letter or digit.</source>
        <translation>Un nom de salon comporte de 1 à 32 lettres minuscules, chiffres, &apos;-&apos; ou &apos;_&apos;, et commence par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>A message cannot be empty.</source>
        <translation>Le message ne peut pas être vide.</translation>
    </message>
    <message>
        <source>A message must be valid Unicode text.</source>
        <translation>Le message doit être un texte Unicode valide.</translation>
    </message>
    <message>
        <source>A message cannot contain control characters other than line breaks and tabs.</source>
        <translation>Le message ne peut contenir aucun caractère de contrôle autre que des sauts de ligne et des tabulations.</translation>
    </message>
    <message>
        <source>A message can be at most %1 bytes long.</source>
        <translation>Le message peut faire au maximum %1 octets.</translation>
    </message>
    <message>
        <source>A topic must be valid Unicode text.</source>
        <translation>Le sujet doit être un texte Unicode valide.</translation>
    </message>
    <message>
        <source>A topic can have at most %1 characters.</source>
        <translation>Le sujet peut comporter au maximum %1 caractères.</translation>
    </message>
    <message>
        <source>A topic is one line without control characters.</source>
        <translation>Le sujet doit tenir sur une seule ligne, sans caractères de contrôle.</translation>
    </message>
    <message>
        <source>A message id is 1 to %1 characters.</source>
        <translation>Un identifiant de message comporte de 1 à %1 caractères.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Chat on your network without signing up.</source>
        <translation>Discutez sur votre réseau sans créer de compte.</translation>
    </message>
    <message>
        <source>Your name in the chat.</source>
        <translation>Votre nom dans la discussion.</translation>
    </message>
    <message>
        <source>Host a chat on this computer right away.</source>
        <translation>Héberger immédiatement une discussion sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Join the chat at URL.</source>
        <translation>Rejoindre la discussion à l’adresse URL.</translation>
    </message>
</context>
</TS>
