package io.runnel.cli.internals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingSetupTest {

    @Test
    void shouldChooseWarnThenVerboseThenTheEnvironment() {
        assertThat(LoggingSetup.level(new String[]{"topics", "--list"}, Map.of())).isEqualTo("WARN");
        assertThat(LoggingSetup.level(new String[]{"topics", "--list", "--verbose"}, Map.of())).isEqualTo("INFO");
        assertThat(LoggingSetup.level(new String[]{"--verbose"}, Map.of("RUNNEL_LOG_LEVEL", " debug "))).isEqualTo("DEBUG");
    }

    private static LoggerContext configure(String level) throws JoranException {
        LoggerContext context = new LoggerContext();
        if (level != null) {
            context.putProperty(LoggingSetup.LEVEL_PROPERTY, level);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LoggingSetup.class.getClassLoader().getResource(LoggingSetup.CONFIGURATION_RESOURCE));
        return context;
    }

    @Test
    void shouldConfigureLogbackToLogOnStandardErrorAtTheChosenLevel() throws JoranException {
        LoggerContext defaults = configure(null);
        ch.qos.logback.classic.Logger root = defaults.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(defaults.getStatusManager().getCopyOfStatusList())
                .noneMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN);

        assertThat(configure("DEBUG").getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
    }
}
