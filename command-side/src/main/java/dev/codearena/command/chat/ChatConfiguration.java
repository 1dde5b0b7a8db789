package dev.codearena.command.chat;

import dev.codearena.command.gateway.UserNotifier;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** Chat storage with retention ({@code codearena.chat.retention}, 30 days by default). */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    ChatService chatService(JdbcTemplate jdbc, UserNotifier notifier, ObjectProvider<Clock> clock,
                            @Value("${codearena.chat.retention:P30D}") Duration retention) {
        return new ChatService(jdbc, notifier, clock.getIfAvailable(Clock::systemUTC), retention);
    }

    @Bean
    ChatRetention chatRetention(ChatService chat) {
        return new ChatRetention(chat);
    }

    static class ChatRetention {
        private final ChatService chat;

        ChatRetention(ChatService chat) {
            this.chat = chat;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
        void purge() {
            chat.purgeOlderThanRetention();
        }
    }
}
