package id.go.dukcapil.ikd.testing;

import java.net.Socket;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAP listener (its own {@code ImapServer} is final), with each reply sent at once
 * ({@link MailServer#repliesAtOnce}): a mailbox of three messages read in about 20 ms instead of 940.
 */
final class ImapListener extends AbstractServer {

    ImapListener(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
        return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(),
                MailServer.repliesAtOnce(clientSocket));
    }
}
