/**
 * The demo account lives with the `npm start` launcher (test/demo/demoScenario.ts, owned by the demo
 * helper); re-exported here so `cli.js --scenario demo` and `npm start` show the same account.
 */
export { demoScenario, DEMO } from '../../demo/demoScenario';
