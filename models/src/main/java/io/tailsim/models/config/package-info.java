/**
 * What a simulated cluster is made of and how it is configured: the model's input contract.
 * Field names follow Kafka's config keys (linger.ms -> lingerMs); times are nanoseconds (long),
 * sizes bytes, rates per second. The scenarios module builds these from YAML; the model only
 * reads them. Each record validates itself in its compact constructor and throws
 * {@link io.tailsim.models.config.ConfigException} naming the Kafka key, so a scenario file's
 * error can point at the right line.
 */
package io.tailsim.models.config;
