package dev.codearena.platform.embedded;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ties the embedded servers started by the environment post-processor to the application
 * context: they become a bean whose destroy method stops them, and every connection factory
 * depends on that bean. Spring destroys dependants first, so on Ctrl-C / SIGTERM the order is
 * web server (graceful) → Axon processors and schedulers → connection pools → Redis and
 * PostgreSQL. Neither server registers a JVM shutdown hook of its own (stack-notes 4).
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "codearenaEmbeddedInfrastructure";

    private static final List<String> CONNECTION_FACTORY_TYPES = List.of(
            "javax.sql.DataSource",
            "io.r2dbc.spi.ConnectionFactory",
            "org.springframework.data.redis.connection.RedisConnectionFactory",
            "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context.getEnvironment().getPropertySources().get(EmbeddedInfrastructurePropertySource.NAME)
                instanceof EmbeddedInfrastructurePropertySource source)) {
            return;
        }
        EmbeddedInfrastructure infrastructure = source.infrastructure();
        if (context instanceof GenericApplicationContext generic) {
            generic.registerBean(BEAN_NAME, EmbeddedInfrastructure.class, infrastructure::awaitReady,
                    definition -> definition.setDestroyMethodName("close"));
        } else {
            context.getBeanFactory().registerSingleton(BEAN_NAME, infrastructure);
            context.addApplicationListener((ApplicationListener<org.springframework.context.event.ContextClosedEvent>) closed -> infrastructure.close());
        }
        context.addBeanFactoryPostProcessor(ConnectionFactoriesDependOnInfrastructure::apply);
        // A context that fails before the bean is created would never destroy it.
        context.addApplicationListener((ApplicationListener<ApplicationFailedEvent>) failed -> infrastructure.close());
    }

    private static final class ConnectionFactoriesDependOnInfrastructure {

        static void apply(ConfigurableListableBeanFactory beanFactory) {
            ClassLoader classLoader = beanFactory.getBeanClassLoader();
            for (String typeName : CONNECTION_FACTORY_TYPES) {
                if (!ClassUtils.isPresent(typeName, classLoader)) {
                    continue;
                }
                Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
                for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                    if (name.equals(BEAN_NAME) || !beanFactory.containsBeanDefinition(name)) {
                        continue;
                    }
                    BeanDefinition definition = beanFactory.getBeanDefinition(name);
                    Set<String> dependsOn = new LinkedHashSet<>();
                    if (definition.getDependsOn() != null) {
                        dependsOn.addAll(List.of(definition.getDependsOn()));
                    }
                    dependsOn.add(BEAN_NAME);
                    definition.setDependsOn(StringUtils.toStringArray(dependsOn));
                }
            }
        }
    }
}
