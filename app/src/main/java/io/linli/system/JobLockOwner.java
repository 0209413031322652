package io.linli.system;

import java.util.UUID;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Names this node's job locks: {@code ACT_RU_JOB.LOCK_OWNER_} becomes {@code <linli.node-name>-<8
 * random hex>} (unique per start, so a restarted node never mistakes its predecessor's locks for
 * its own), and an operator sees which node holds which job. Without a node name Camunda's random
 * id stays.
 */
@Configuration(proxyBeanMethods = false)
class JobLockOwner {

  @Bean
  static BeanPostProcessor jobLockOwnerNaming(Environment env) {
    String node = env.getProperty("linli.node-name", "").strip();
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof JobExecutor jobExecutor && !node.isEmpty()) {
          jobExecutor.setLockOwner(node + "-" + UUID.randomUUID().toString().substring(0, 8));
          LoggerFactory.getLogger(JobLockOwner.class)
              .info("this node's job locks are named {}", jobExecutor.getLockOwner());
        }
        return bean;
      }
    };
  }
}
