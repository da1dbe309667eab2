/**
 * Baseline for `npm run bench`: the smallest bot on the same stack (botbuilder CloudAdapter in local
 * mode + restify with its bodyParser). It answers every message with its text. Compiled with tsc and
 * run under plain node, like the production build of the real bot. Exits when its stdin closes, so it
 * never outlives the bench.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser());

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context: TurnContext) => {
    if (context.activity.type === 'message')
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  });
});

server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});

server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
