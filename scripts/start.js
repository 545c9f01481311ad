// npm start: builds dist/ when a source changed, then runs the bot in this same process (one Node start, not two).
const { buildIfChanged } = require('./build-if-changed');

if (!buildIfChanged()) process.exit(1);
require('../dist/main.js');
