package dev.codearena.query.fairplay;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code codearena.fair-play.*} (docs/fair-play.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FairPlaySettings.class)
class FairPlayConfiguration {
}
