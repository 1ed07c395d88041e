package org.zugong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 智慧组工云 — one deployable: web pages, JSON API and the embedded database in development. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZugongApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZugongApplication.class, args);
    }
}
