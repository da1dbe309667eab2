import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/config/values';

/** Runs loadConfig and returns the ConfigError it throws (fails the test if it does not throw one). */
export function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}
