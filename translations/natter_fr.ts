<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Natter::AboutDialog</name>
    <message>
        <source>About Natter</source>
        <translation>À propos de Natter</translation>
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
        <translation>Discutez sur votre réseau sans créer de compte.</translation>
    </message>
    <message>
        <source>Runs on Qt %1</source>
        <translation>Fonctionne avec Qt %1</translation>
    </message>
</context>
<context>
    <name>Natter::AvatarLabel</name>
    <message>
        <source>Room %1</source>
        <translation>Salon %1</translation>
    </message>
</context>
<context>
    <name>Natter::CacheFile</name>
    <message>
        <source>Could not create the folder for %1.</source>
        <translation>Impossible de créer le dossier de %1.</translation>
    </message>
    <message>
        <source>Another Natter window already uses what this computer remembers of this chat.</source>
        <translation>Une autre fenêtre de Natter utilise déjà ce que cet ordinateur a gardé en mémoire de cette discussion.</translation>
    </message>
</context>
<context>
    <name>Natter::CacheSchema</name>
    <message>
        <source>The cache was written by a newer version of Natter.</source>
        <translation>Le cache a été écrit par une version plus récente de Natter.</translation>
    </message>
</context>
<context>
    <name>Natter::CertificateQuestion</name>
    <message>
        <source>Check the Chat&apos;s Certificate</source>
        <translation>Vérifier le certificat du chat</translation>
    </message>
    <message>
        <source>No certificate authority vouches for %1. That is usual for a chat hosted on someone&apos;s computer. Join only if this fingerprint is the one the host sees (their invite link ends with it):</source>
        <translation>Aucune autorité de certification ne garantit %1. C’est habituel pour un chat hébergé sur l’ordinateur de quelqu’un. Ne rejoignez que si cette empreinte est celle que voit l’hôte (son lien d’invitation se termine par elle) :</translation>
    </message>
    <message>
        <source>Trust and Join</source>
        <translation>Faire confiance et rejoindre</translation>
    </message>
    <message>
        <source>Certificate Changed</source>
        <translation>Certificat modifié</translation>
    </message>
    <message>
        <source>%1 shows a different certificate than on your last visit. If its host did not make a new one, someone may be reading and changing what you send.</source>
        <translation>%1 présente un autre certificat que lors de votre dernière visite. Si son hôte n’en a pas créé un nouveau, quelqu’un lit et modifie peut-être ce que vous envoyez.</translation>
    </message>
    <message>
        <source>Before: %1
Now: %2</source>
        <translation>Avant : %1
Maintenant : %2</translation>
    </message>
    <message>
        <source>Trust the New Certificate</source>
        <translation>Faire confiance au nouveau certificat</translation>
    </message>
    <message>
        <source>The host told me the new fingerprint, and it matches</source>
        <translation>L’hôte m’a donné la nouvelle empreinte, et elle correspond</translation>
    </message>
    <message>
        <source>Not the Invited Chat</source>
        <translation>Ce n’est pas le chat de l’invitation</translation>
    </message>
    <message>
        <source>Your invite link names a certificate, but %1 did not offer an encrypted connection. Someone may be pretending to be the chat. Ask the host for the link again.</source>
        <translation>Votre lien d’invitation désigne un certificat, mais %1 n’a pas proposé de connexion chiffrée. Quelqu’un se fait peut-être passer pour le chat. Redemandez le lien à l’hôte.</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <source>%1 is not the chat your invite link names: its certificate is different. Someone may be pretending to be the chat, or the host made a new certificate. Ask the host for the link again.</source>
        <translation>%1 n’est pas le chat que désigne votre lien d’invitation : son certificat est différent. Quelqu’un se fait peut-être passer pour le chat, ou l’hôte a créé un nouveau certificat. Redemandez le lien à l’hôte.</translation>
    </message>
    <message>
        <source>Expected: %1
Received: %2</source>
        <translation>Attendu : %1
Reçu : %2</translation>
    </message>
</context>
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
    <message>
        <source>%1 is not a chat address: chat addresses start with ws:// or wss://.</source>
        <translation>%1 n’est pas une adresse de discussion&#xa0;: les adresses de discussion commencent par ws:// ou wss://.</translation>
    </message>
</context>
<context>
    <name>Natter::ChatSession</name>
    <message>
        <source>You can join rooms once Natter is connected again.</source>
        <translation>Vous pourrez rejoindre des salons dès que Natter sera de nouveau connecté.</translation>
    </message>
    <message>
        <source>You can leave rooms once Natter is connected again.</source>
        <translation>Vous pourrez quitter des salons dès que Natter sera de nouveau connecté.</translation>
    </message>
    <message>
        <source>Reactions can be changed only while connected.</source>
        <translation>Les réactions ne peuvent être modifiées que pendant que Natter est connecté.</translation>
    </message>
    <message>
        <source>The server saves messages again; the ones that waited were sent.</source>
        <translation>Le serveur enregistre de nouveau les messages ; ceux qui attendaient ont été envoyés.</translation>
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
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) too many</source>
        <translation>
            <numerusform>%n caractère en trop</numerusform>
            <numerusform>%n caractères en trop</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s) left</source>
        <translation>
            <numerusform>%n caractère restant</numerusform>
            <numerusform>%n caractères restants</numerusform>
        </translation>
    </message>
    <message>
        <source>Send (%1 or %2). %3 starts a new line.</source>
        <translation>Envoyer (%1 ou %2). %3 pour aller à la ligne.</translation>
    </message>
    <message>
        <source>Editing your message</source>
        <translation>Modification de votre message</translation>
    </message>
    <message>
        <source>%1 saves, %2 cancels</source>
        <translation>%1 enregistre, %2 annule</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save the edited message</source>
        <translation>Enregistrer le message modifié</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>Réponse à %1</translation>
    </message>
</context>
<context>
    <name>Natter::ConnectionBanner</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>Se reconnecter maintenant</translation>
    </message>
    <message>
        <source>Connect to Another Chat…</source>
        <translation>Se connecter à une autre discussion…</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Connecté en tant que %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The host stopped this chat. Everything here stays readable, and Natter rejoins when the chat is back.</source>
        <translation>L’hôte a arrêté cette discussion. Tout ce qui est ici reste lisible, et Natter la rejoindra dès qu’elle sera de retour.</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting… What you write is sent once Natter is back.</source>
        <translation>Connexion perdue — reconnexion en cours… Ce que vous écrivez sera envoyé dès que Natter sera reconnecté.</translation>
    </message>
    <message>
        <source>Connect to a Chat…</source>
        <translation>Se connecter à une discussion…</translation>
    </message>
    <message>
        <source>Not connected. The conversations here are what this computer remembers.</source>
        <translation>Non connecté. Vous voyez les conversations que cet ordinateur a gardées en mémoire.</translation>
    </message>
    <message>
        <source>%1 does not answer yet. Natter keeps trying; what you write is sent once the chat is back.</source>
        <translation>%1 ne répond pas encore. Natter continue d’essayer&#x202f;; ce que vous écrivez sera envoyé dès que la discussion sera de retour.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 sent more at once than Natter accepts, so Natter hung up. Reconnecting…</source>
        <translation>%1 a envoyé d’un coup plus que ce que Natter accepte, alors Natter a coupé la connexion. Reconnexion…</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationHeader</name>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>You are not in this room</source>
        <translation>Vous n’êtes pas dans ce salon</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>not online: messages cannot reach them now</source>
        <translation>hors ligne&#xa0;: les messages ne peuvent pas lui parvenir pour l’instant</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not online: they get your messages when they are back</source>
        <translation>hors ligne&#xa0;: recevra vos messages à son retour</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) when last connected</source>
        <translation>
            <numerusform>%n membre lors de la dernière connexion</numerusform>
            <numerusform>%n membres lors de la dernière connexion</numerusform>
        </translation>
    </message>
    <message>
        <source>members not known while not connected</source>
        <translation>membres inconnus tant que la connexion n’est pas établie</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationPane</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Browse Rooms…</source>
        <translation>Parcourir les salons…</translation>
    </message>
</context>
<context>
    <name>Natter::ConversationQuestions</name>
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
    <name>Natter::EmojiPicker</name>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un emoji</translation>
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
        <translation>Quelqu’un ici utilise déjà ce nom.</translation>
    </message>
    <message>
        <source>Someone here already uses the name %1.</source>
        <translation>Quelqu’un ici utilise déjà le nom %1.</translation>
    </message>
    <message>
        <source>That name cannot be used here.</source>
        <translation>Ce nom ne peut pas être utilisé ici.</translation>
    </message>
    <message>
        <source>That is not a valid room name.</source>
        <translation>Ce n’est pas un nom de salon valide.</translation>
    </message>
    <message>
        <source>The password is not right.</source>
        <translation>Le mot de passe n’est pas correct.</translation>
    </message>
    <message>
        <source>You are not in that room any more.</source>
        <translation>Vous n’êtes plus dans ce salon.</translation>
    </message>
    <message>
        <source>You are not in #%1 any more.</source>
        <translation>Vous n’êtes plus dans #%1.</translation>
    </message>
    <message>
        <source>That person is not online. Messages can only be sent to people who are online.</source>
        <translation>Cette personne n’est pas en ligne. Les messages ne peuvent être envoyés qu’aux personnes en ligne.</translation>
    </message>
    <message>
        <source>%1 is not online. Messages can only be sent to people who are online.</source>
        <translation>%1 n’est pas en ligne. Les messages ne peuvent être envoyés qu’aux personnes en ligne.</translation>
    </message>
    <message>
        <source>The message is empty or holds characters that cannot be sent.</source>
        <translation>Le message est vide ou contient des caractères qui ne peuvent pas être envoyés.</translation>
    </message>
    <message>
        <source>That topic is too long or holds characters that cannot be used.</source>
        <translation>Ce sujet est trop long ou contient des caractères qui ne peuvent pas être utilisés.</translation>
    </message>
    <message>
        <source>The message is longer than this server accepts.</source>
        <translation>Le message est plus long que ce que ce serveur accepte.</translation>
    </message>
    <message>
        <source>You are sending faster than the server allows. Wait a moment.</source>
        <translation>Vous envoyez des messages plus vite que le serveur ne le permet. Patientez un instant.</translation>
    </message>
    <message>
        <source>The server is full, or has too many connections from your address.</source>
        <translation>Le serveur est plein, ou reçoit trop de connexions depuis votre adresse.</translation>
    </message>
    <message>
        <source>The server could not save that. Try again.</source>
        <translation>Le serveur n’a pas pu l’enregistrer. Réessayez.</translation>
    </message>
    <message>
        <source>The server did not accept a request from this app (%1).</source>
        <translation>Le serveur a refusé une requête de cette application (%1).</translation>
    </message>
    <message>
        <source>Nobody is accepting chats at %1. Is the chat still hosted there?</source>
        <translation>Personne n’accepte de discussions à l’adresse %1. La discussion y est-elle toujours hébergée&#x202f;?</translation>
    </message>
    <message>
        <source>No computer called %1 was found on the network.</source>
        <translation>Aucun ordinateur nommé %1 n’a été trouvé sur le réseau.</translation>
    </message>
    <message>
        <source>%1 closed the connection before the chat could start.</source>
        <translation>%1 a fermé la connexion avant que la discussion ne puisse commencer.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The network is not reachable. Check the connection of this computer.</source>
        <translation>Le réseau est inaccessible. Vérifiez la connexion de cet ordinateur.</translation>
    </message>
    <message>
        <source>The network proxy did not let the connection through.</source>
        <translation>Le proxy réseau n’a pas laissé passer la connexion.</translation>
    </message>
    <message>
        <source>The connection to %1 failed.</source>
        <translation>La connexion à %1 a échoué.</translation>
    </message>
    <message>
        <source>This server accepts encrypted connections only. Join with its invite link, which starts with wss://.</source>
        <translation>Ce serveur n’accepte que les connexions chiffrées. Rejoignez-le avec son lien d’invitation, qui commence par wss://.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be set up. If the host runs its chat without encryption, join at %2 instead.</source>
        <translation>Impossible d’établir une connexion sécurisée avec %1. Si l’hôte fait tourner son chat sans chiffrement, rejoignez-le plutôt à %2.</translation>
    </message>
    <message>
        <source>That name belongs to someone else on this server. Choose another name.</source>
        <translation>Ce nom appartient à quelqu’un d’autre sur ce serveur. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The name %1 belongs to someone else on this server, or looks too much like a name that does. Choose another name.</source>
        <translation>Le nom %1 appartient à quelqu’un d’autre sur ce serveur, ou ressemble trop à un tel nom. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The server did not accept the proof of your identity. If you reach it through another server or a proxy that decrypts the connection, join it directly.</source>
        <translation>Le serveur n’a pas accepté la preuve de votre identité. Si vous l’atteignez par un autre serveur ou par un proxy qui déchiffre la connexion, rejoignez-le directement.</translation>
    </message>
    <message>
        <source>That person is a guest who is not online now, so the message cannot wait for them.</source>
        <translation>Cette personne est un invité qui n’est pas en ligne, le message ne peut donc pas l’attendre.</translation>
    </message>
    <message>
        <source>%1 is a guest who is not online now, so the message cannot wait for them.</source>
        <translation>%1 est un invité qui n’est pas en ligne, le message ne peut donc pas l’attendre.</translation>
    </message>
    <message>
        <source>That message is no longer there to change: it was deleted, or never reached the server.</source>
        <translation>Ce message n’est plus là pour être modifié : il a été supprimé, ou n’a jamais atteint le serveur.</translation>
    </message>
    <message>
        <source>Only the person who sent a message can change it, and only when they own their name here.</source>
        <translation>Seule la personne qui a envoyé un message peut le modifier, et seulement si son nom lui appartient ici.</translation>
    </message>
    <message>
        <source>Search for at least one word, in fewer than 200 characters.</source>
        <translation>Cherche au moins un mot, en moins de 200 caractères.</translation>
    </message>
    <message>
        <source>A reaction must be a single emoji.</source>
        <translation>Une réaction doit être un seul emoji.</translation>
    </message>
    <message>
        <source>That message already has as many different reactions as this server allows.</source>
        <translation>Ce message a déjà autant de réactions différentes que ce serveur le permet.</translation>
    </message>
    <message>
        <source>The server cannot save messages right now. Yours are kept and sent again by themselves.</source>
        <translation>Le serveur ne peut pas enregistrer de messages pour le moment. Les vôtres sont conservés et renvoyés automatiquement.</translation>
    </message>
    <message>
        <source>No more rooms can be joined or created now: you are in as many rooms as this server allows, it has as many rooms as it can hold, or you have made as many new rooms as it lets one person make for now. Join an existing room, or try again later.</source>
        <translation>Impossible de rejoindre ou de créer d’autres salons pour le moment&#xa0;: vous êtes dans autant de salons que ce serveur le permet, il a autant de salons qu’il peut en contenir, ou vous avez créé autant de nouveaux salons qu’il en permet à une personne pour l’instant. Rejoignez un salon existant ou réessayez plus tard.</translation>
    </message>
</context>
<context>
    <name>Natter::HistoryExcerpt</name>
    <message>
        <source>That message is no longer there.</source>
        <translation>Ce message n’existe plus.</translation>
    </message>
    <message>
        <source>Older messages can be loaded once Natter is connected again.</source>
        <translation>Les messages plus anciens pourront être chargés dès que Natter sera de nouveau connecté.</translation>
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
    <message>
        <source>Could not start hosting: another Natter is already hosting from this folder (%1). Use the chat it hosts, or stop it first.</source>
        <translation>Impossible de commencer l’hébergement : un autre Natter héberge déjà depuis ce dossier (%1). Utilisez le chat qu’il héberge, ou arrêtez-le d’abord.</translation>
    </message>
    <message>
        <source>Could not start hosting: the chat history %1 is read-only. Make the file and its folder writable.</source>
        <translation>Impossible de commencer l’hébergement : l’historique %1 est en lecture seule. Rendez le fichier et son dossier accessibles en écriture.</translation>
    </message>
    <message>
        <source>Could not start hosting: the chat history %1 is damaged. Restore it from a backup, or move it away to start with an empty history.</source>
        <translation>Impossible de commencer l’hébergement : l’historique %1 est endommagé. Restaurez-le depuis une sauvegarde, ou déplacez-le pour repartir d’un historique vide.</translation>
    </message>
</context>
<context>
    <name>Natter::HostingQuestion</name>
    <message>
        <source>Quit Natter</source>
        <translation>Quitter Natter</translation>
    </message>
    <message>
        <source>Stop Hosting</source>
        <translation>Arrêter l’hébergement</translation>
    </message>
    <message>
        <source>This computer hosts the chat. Everyone connected to it will be disconnected until you host it again.</source>
        <translation>Cet ordinateur héberge la discussion. Toutes les personnes qui y sont connectées seront déconnectées jusqu’à ce que vous l’hébergiez à nouveau.</translation>
    </message>
    <message>
        <source>Stop Hosting and Quit</source>
        <translation>Arrêter l’hébergement et quitter</translation>
    </message>
    <message>
        <source>Keep Hosting in the Tray</source>
        <translation>Continuer dans la zone de notification</translation>
    </message>
</context>
<context>
    <name>Natter::IdentityBox</name>
    <message>
        <source>Your Identity</source>
        <translation>Votre identité</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Your names on each server belong to this key. Others can compare its safety number with the one they see for you:</source>
        <translation>Vos noms sur chaque serveur appartiennent à cette clé. Les autres peuvent comparer son numéro de sécurité à celui qu’ils voient pour vous :</translation>
    </message>
    <message>
        <source>No key: you join chats as a guest.</source>
        <translation>Aucune clé : vous rejoignez les chats en tant qu’invité.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase for the key file:</source>
        <translation>Phrase secrète du fichier de clé :</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>La même phrase secrète, encore une fois :</translation>
    </message>
    <message>
        <source>The two passphrases differ. Nothing was exported.</source>
        <translation>Les deux phrases secrètes diffèrent. Rien n’a été exporté.</translation>
    </message>
    <message>
        <source>Export Your Identity</source>
        <translation>Exporter votre identité</translation>
    </message>
    <message>
        <source>Natter identity (*.pem)</source>
        <translation>Identité Natter (*.pem)</translation>
    </message>
    <message>
        <source>Import an Identity</source>
        <translation>Importer une identité</translation>
    </message>
    <message>
        <source>Natter identity (*.pem);;All files (*)</source>
        <translation>Identité Natter (*.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Replace Your Identity?</source>
        <translation>Remplacer votre identité ?</translation>
    </message>
    <message>
        <source>Names you own with the key you have now will no longer be yours from this computer. Use the imported key instead?</source>
        <translation>Les noms que vous possédez avec votre clé actuelle ne seront plus les vôtres depuis cet ordinateur. Utiliser la clé importée à la place ?</translation>
    </message>
    <message>
        <source>Choose a passphrase: the file would otherwise let anyone take your names.</source>
        <translation>Choisissez une phrase secrète : sinon, n’importe qui pourrait prendre vos noms avec ce fichier.</translation>
    </message>
    <message>
        <source>Your identity was exported to %1.</source>
        <translation>Votre identité a été exportée vers %1.</translation>
    </message>
    <message>
        <source>Your identity could not be exported: %1</source>
        <translation>Votre identité n’a pas pu être exportée : %1</translation>
    </message>
    <message>
        <source>That key could not be imported: %1</source>
        <translation>Cette clé n’a pas pu être importée : %1</translation>
    </message>
    <message>
        <source>This computer now uses the imported identity. It signs in with it the next time Natter connects to a chat.</source>
        <translation>Cet ordinateur utilise désormais l’identité importée. Natter s’en servira la prochaine fois qu’il se connectera à un chat.</translation>
    </message>
    <message>
        <source>The imported key could not be kept: %1</source>
        <translation>La clé importée n’a pas pu être conservée : %1</translation>
    </message>
    <message>
        <source>To keep your names on another computer, export the key here with a passphrase and import it there.</source>
        <translation>Pour garder vos noms sur un autre ordinateur, exportez la clé ici avec une phrase secrète et importez-la là-bas.</translation>
    </message>
</context>
<context>
    <name>Natter::InfoBar</name>
    <message>
        <source>Notice</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>Natter::Launcher</name>
    <message>
        <source>%1&apos;s chat</source>
        <translation>Discussion de %1</translation>
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
        <source>Your identity key could not be read, so you can only join as a guest for now: %1</source>
        <translation>Votre clé d’identité n’a pas pu être lue ; vous ne pouvez rejoindre un chat qu’en invité pour l’instant : %1</translation>
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
        <translation>&amp;Discussion</translation>
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
        <source>Connect to &amp;Another Chat…</source>
        <translation>Se &amp;connecter à une autre discussion…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Browse Rooms…</source>
        <translation>Pa&amp;rcourir les salons…</translation>
    </message>
    <message>
        <source>&amp;Copy Invite Link</source>
        <translation>Copier le &amp;lien d’invitation</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller</translation>
    </message>
    <message>
        <source>&amp;Jump to Conversation…</source>
        <translation>&amp;Aller à une conversation…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Next Unread Conversation</source>
        <translation>Conversation non lue &amp;suivante</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>&amp;Previous Unread Conversation</source>
        <translation>Conversation non lue &amp;précédente</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Newest &amp;Message</source>
        <translation>&amp;Dernier message</translation>
    </message>
    <message>
        <source>Ctrl+End</source>
        <translation>Ctrl+End</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About Natter</source>
        <translation>À &amp;propos de Natter</translation>
    </message>
    <message>
        <source>The rooms of this chat can be browsed once Natter is connected again.</source>
        <translation>Vous pourrez parcourir les salons de cette discussion dès que Natter sera de nouveau connecté.</translation>
    </message>
    <message>
        <source>Nothing else is unread.</source>
        <translation>Aucune autre conversation non lue.</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Aller à la ligne</translation>
    </message>
    <message>
        <source>Copy the selected message or text</source>
        <translation>Copier le message ou le texte sélectionné</translation>
    </message>
    <message>
        <source>Show M&amp;embers</source>
        <translation>Afficher les &amp;membres</translation>
    </message>
    <message>
        <source>C&amp;lose Conversation</source>
        <translation>Fermer la conver&amp;sation</translation>
    </message>
    <message>
        <source>&amp;Find in Conversation…</source>
        <translation>&amp;Rechercher dans la conversation…</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Find in &amp;All Conversations…</source>
        <translation>Rechercher dans &amp;toutes les conversations…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Complete the name after @</source>
        <translation>Compléter le nom après @</translation>
    </message>
    <message>
        <source>Edit your last message (in an empty box)</source>
        <translation>Modifier votre dernier message (dans une zone vide)</translation>
    </message>
    <message>
        <source>Actions for the selected message (also Shift+F10)</source>
        <translation>Actions pour le message sélectionné (aussi Maj+F10)</translation>
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
    <message>
        <source>%1 — not online</source>
        <translation>%1 — hors ligne</translation>
    </message>
    <message>
        <source>%1 — guest</source>
        <translation>%1 — invité</translation>
    </message>
</context>
<context>
    <name>Natter::MemberModel</name>
    <message>
        <source>%1, you</source>
        <translation>%1, vous</translation>
    </message>
    <message>
        <source>%1, typing</source>
        <translation>%1, en train d’écrire</translation>
    </message>
    <message>
        <source>%1, not online</source>
        <translation>%1, hors ligne</translation>
    </message>
    <message>
        <source>%1, guest</source>
        <translation>%1, invité</translation>
    </message>
</context>
<context>
    <name>Natter::MemberPane</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Double-click someone to write to them directly; right-click for their profile.</source>
        <translation>Double-cliquez sur quelqu’un pour lui écrire directement ; clic droit pour son profil.</translation>
    </message>
    <message>
        <source>View Profile</source>
        <translation>Voir le profil</translation>
    </message>
    <message>
        <source>Send Message</source>
        <translation>Envoyer un message</translation>
    </message>
</context>
<context>
    <name>Natter::MemberProfile</name>
    <message>
        <source>Profile of %1</source>
        <translation>Profil de %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>%1 is a guest: the name is not theirs on this server, and anyone may use it once they leave. Guests have no safety number.</source>
        <translation>%1 est un invité : ce nom ne lui appartient pas sur ce serveur, et n’importe qui peut le prendre après son départ. Les invités n’ont pas de numéro de sécurité.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Numéro de sécurité</translation>
    </message>
    <message>
        <source>Others see this number for you. When they read it to you and it matches, they are talking to you.</source>
        <translation>Les autres voient ce numéro pour vous. Quand ils vous le lisent et qu’il correspond, c’est bien à vous qu’ils parlent.</translation>
    </message>
    <message>
        <source>Ask %1 to read you the number Natter shows for them (in Preferences). If it matches, you are talking to %1 and nobody else.</source>
        <translation>Demandez à %1 de vous lire le numéro que Natter affiche pour lui (dans les Préférences). S’il correspond, vous parlez à %1 et à personne d’autre.</translation>
    </message>
    <message>
        <source>Copy Safety Number</source>
        <translation>Copier le numéro de sécurité</translation>
    </message>
    <message>
        <source>Send Message</source>
        <translation>Envoyer un message</translation>
    </message>
</context>
<context>
    <name>Natter::MessageActions</name>
    <message>
        <source>Delete Message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message for everyone? Nobody will be able to read it again.</source>
        <translation>Supprimer ce message pour tout le monde&#xa0;? Personne ne pourra plus le lire.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
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
    <name>Natter::MessageJump</name>
    <message>
        <source>Back to Newest</source>
        <translation>Revenir aux plus récents</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Chargement des messages plus anciens…</translation>
    </message>
    <message>
        <source>You are reading older messages of %1.</source>
        <extracomment>Shown above older messages opened from a search; %1 is the conversation, &quot;#dev&quot; or a person&apos;s name.</extracomment>
        <translation>Vous lisez d’anciens messages de %1.</translation>
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
    <message>
        <source>Not sent: %1 — click to retry</source>
        <translation>Non envoyé&#xa0;: %1 — cliquez pour réessayer</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>Ce message a été supprimé.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(modifié)</translation>
    </message>
    <message>
        <source>%1: a deleted message</source>
        <translation>%1&#xa0;: un message supprimé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>Natter::MessageMenu</name>
    <message>
        <source>Copy Text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Copy Code</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <source>Copy Code Block %1</source>
        <translation>Copier le bloc de code %1</translation>
    </message>
    <message>
        <source>React</source>
        <translation>Réagir</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Plus…</translation>
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
        <translation>%1, envoi en cours</translation>
    </message>
    <message>
        <source>%1, not sent</source>
        <translation>%1, non envoyé</translation>
    </message>
    <message>
        <source>%1, %2, message deleted</source>
        <translation>%1, %2, message supprimé</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1, modifié</translation>
    </message>
    <message>
        <source>%1 %2 (yours)</source>
        <translation>%1 %2 (la vôtre)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, reactions: %2</source>
        <translation>%1, réactions : %2</translation>
    </message>
</context>
<context>
    <name>Natter::MessageNotifier</name>
    <message>
        <source>%1 in #%2</source>
        <translation>%1 dans #%2</translation>
    </message>
</context>
<context>
    <name>Natter::MessagePainter</name>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
</context>
<context>
    <name>Natter::MessageView</name>
    <message>
        <source>No messages yet. Say hello!</source>
        <translation>Aucun message pour l’instant. Dites bonjour&#x202f;!</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
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
    <name>Natter::NewMessagesButton</name>
    <message>
        <source>New messages ↓</source>
        <translation>Nouveaux messages ↓</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Nouveaux messages</translation>
    </message>
    <message>
        <source>Scrolls to the newest message</source>
        <translation>Fait défiler jusqu’au dernier message</translation>
    </message>
</context>
<context>
    <name>Natter::OnlineMembers</name>
    <message>
        <source>%1 signed in with a different key than before on this server: it may be someone else, or %1 on a new computer. Compare safety numbers in %1&apos;s profile before you trust what they say.</source>
        <translation>%1 s’est connecté à ce serveur avec une autre clé qu’auparavant : il peut s’agir de quelqu’un d’autre, ou de %1 sur un nouvel ordinateur. Comparez les numéros de sécurité dans le profil de %1 avant de vous fier à ses propos.</translation>
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
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Natter::QuickSwitcher</name>
    <message>
        <source>Jump to a conversation</source>
        <translation>Aller à une conversation</translation>
    </message>
    <message>
        <source>Jump to a conversation…</source>
        <translation>Aller à une conversation…</translation>
    </message>
    <message>
        <source>Conversation name</source>
        <translation>Nom de la conversation</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Conversations correspondantes</translation>
    </message>
    <message>
        <source>No conversation matches</source>
        <translation>Aucune conversation ne correspond</translation>
    </message>
</context>
<context>
    <name>Natter::ReactionBar</name>
    <message>
        <source>React with %1</source>
        <translation>Réagir avec %1</translation>
    </message>
    <message>
        <source>More reactions</source>
        <translation>Autres réactions</translation>
    </message>
</context>
<context>
    <name>Natter::ReactionChips</name>
    <message numerus="yes">
        <source>%1 reacted with %2 and %n more</source>
        <translation>
            <numerusform>Ont réagi avec %2 : %1 et %n autre personne</numerusform>
            <numerusform>Ont réagi avec %2 : %1 et %n autres personnes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reacted with %2</source>
        <translation>Ont réagi avec %2 : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n reacted with %1</source>
        <translation>
            <numerusform>%n personne a réagi avec %1</numerusform>
            <numerusform>%n personnes ont réagi avec %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This message has %n different reactions, the most the server allows. Add yours to one of them.</source>
        <translation>
            <numerusform>Ce message a %n réaction différente, le maximum que le serveur permet. Ajoutez la vôtre à celle-ci.</numerusform>
            <numerusform>Ce message a %n réactions différentes, le maximum que le serveur permet. Ajoutez la vôtre à l’une d’elles.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::RefusalNotices</name>
    <message>
        <source>Older messages in %1 could not be loaded: %2</source>
        <translation>Les anciens messages de %1 n’ont pas pu être chargés&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not join #%1: %2</source>
        <translation>Impossible de rejoindre #%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The topic of #%1 was not changed: %2</source>
        <translation>Le sujet de #%1 n’a pas été modifié&#xa0;: %2</translation>
    </message>
    <message>
        <source>Your name was not changed: %1</source>
        <translation>Votre nom n’a pas été modifié&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryDelegate</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Rejoint</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryDialog</name>
    <message>
        <source>Browse Rooms</source>
        <translation>Parcourir les salons</translation>
    </message>
    <message>
        <source>Browse Rooms — %1</source>
        <translation>Parcourir les salons — %1</translation>
    </message>
    <message>
        <source>Find or create a room</source>
        <translation>Chercher ou créer un salon</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Rejoindre</translation>
    </message>
    <message>
        <source>Loading rooms…</source>
        <translation>Chargement des salons…</translation>
    </message>
    <message>
        <source>There are no rooms yet. Type a name to create one.</source>
        <translation>Il n’y a encore aucun salon. Saisissez un nom pour en créer un.</translation>
    </message>
    <message>
        <source>No rooms match</source>
        <translation>Aucun salon ne correspond</translation>
    </message>
    <message>
        <source>Create #%1</source>
        <translation>Créer #%1</translation>
    </message>
    <message>
        <source>Join #%1</source>
        <translation>Rejoindre #%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>Natter::RoomDirectoryModel</name>
    <message>
        <source>Room %1</source>
        <translation>Salon %1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>joined</source>
        <translation>rejoint</translation>
    </message>
    <message>
        <source>topic: %1</source>
        <translation>sujet&#xa0;: %1</translation>
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
    <message>
        <source>Room %1</source>
        <translation>Salon %1</translation>
    </message>
    <message>
        <source>Direct messages with %1</source>
        <translation>Messages privés avec %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread, mentioned</source>
        <translation>
            <numerusform>%1, %n message non lu, avec mention</numerusform>
            <numerusform>%1, %n messages non lus, avec mention</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n message non lu</numerusform>
            <numerusform>%1, %n messages non lus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::SearchHitDelegate</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>Where a search hit is and who wrote it: &quot;#dev · Ada&quot;.</extracomment>
        <translation>Vous lisez d’anciens messages de %1.</translation>
    </message>
</context>
<context>
    <name>Natter::SearchPanel</name>
    <message>
        <source>Search messages</source>
        <translation>Rechercher des messages</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Fermer la recherche (Échap)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Fermer la recherche</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Où chercher</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Messages trouvés</translation>
    </message>
    <message>
        <source>In %1</source>
        <extracomment>Where to search: only the conversation on screen, &quot;#dev&quot; or a person&apos;s name.</extracomment>
        <translation>Dans %1</translation>
    </message>
    <message>
        <source>In this conversation</source>
        <translation>Dans cette conversation</translation>
    </message>
    <message>
        <source>Type words to find the messages that contain them.</source>
        <translation>Tapez des mots pour trouver les messages qui les contiennent.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>No messages contain “%1”.</source>
        <translation>Aucun message ne contient « %1 ».</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n message trouvé.</numerusform>
            <numerusform>%n messages trouvés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Natter::SearchResultsModel</name>
    <message>
        <source>Messages can be searched once Natter is connected again.</source>
        <translation>Les messages pourront être recherchés dès que Natter sera de nouveau connecté.</translation>
    </message>
    <message>
        <source>%1 in %2, %3: %4</source>
        <extracomment>A search hit read by a screen reader: sender, conversation, time, the text around the match.</extracomment>
        <translation>%1 dans %2, %3 : %4</translation>
    </message>
</context>
<context>
    <name>Natter::ServerAddress</name>
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
    <message>
        <source>Put IPv6 addresses in brackets, such as wss://[fe80::1]:8642.</source>
        <translation>Mettez les adresses IPv6 entre crochets, par exemple wss://[fe80::1]:8642.</translation>
    </message>
    <message>
        <source>This invite link names a certificate, so it must start with wss://.</source>
        <translation>Ce lien d’invitation désigne un certificat : il doit donc commencer par wss://.</translation>
    </message>
    <message>
        <source>The certificate fingerprint at the end of this invite link is damaged. Ask the host for the link again.</source>
        <translation>L’empreinte du certificat à la fin de ce lien d’invitation est abîmée. Redemandez le lien à l’hôte.</translation>
    </message>
</context>
<context>
    <name>Natter::ServerSocket</name>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%1 n’a pas répondu dans un délai de %n seconde.</numerusform>
            <numerusform>%1 n’a pas répondu dans un délai de %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent more at once than Natter accepts.</source>
        <translation>%1 a envoyé d’un coup plus que ce que Natter accepte.</translation>
    </message>
</context>
<context>
    <name>Natter::ShareStatus</name>
    <message>
        <source>Copy Invite Link</source>
        <translation>Copier le lien d’invitation</translation>
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
        <source>Invite link copied.</source>
        <translation>Lien d’invitation copié.</translation>
    </message>
</context>
<context>
    <name>Natter::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Typing and moving around</source>
        <translation>Saisie et navigation</translation>
    </message>
</context>
<context>
    <name>Natter::SignInTrouble</name>
    <message>
        <source>%1 Pick another name.</source>
        <translation>%1 Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The chat at %1 needs a password. Type the one the host gave you.</source>
        <translation>La discussion à l’adresse %1 nécessite un mot de passe. Saisissez celui que l’hôte vous a donné.</translation>
    </message>
    <message>
        <source>The password for %1 is not right.</source>
        <translation>Le mot de passe pour %1 n’est pas correct.</translation>
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
    <name>Natter::TypingLine</name>
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
