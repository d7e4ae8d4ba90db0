#!/usr/bin/env node
'use strict';
require('../dist/kpo-lint.js');
