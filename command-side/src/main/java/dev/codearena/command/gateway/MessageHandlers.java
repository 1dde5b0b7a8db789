package dev.codearena.command.gateway;

import java.util.Map;

/** A group of handlers registered under their message types (one bean per channel). */
public interface MessageHandlers {

    /** Message type to handler, e.g. {@code match:submit}. */
    Map<String, MessageHandler<?>> handlers();
}
