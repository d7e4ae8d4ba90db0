#!/usr/bin/env node
'use strict';
require('../dist/mcp.js');
