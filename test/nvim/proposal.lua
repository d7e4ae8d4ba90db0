-- Drives the bundled language server from headless Neovim 0.7 (test/nvim/nvim.test.ts runs it through
-- scripts/e2e/nvim.mjs) with the setup documented in docs/editors.md: the server is started by that
-- configuration when the Markdown proposal opens; then diagnostics, hover, completion of a partly
-- typed service name, a quick fix applied with vim.lsp.util.apply_workspace_edit, and fix-on-save.
-- Every result is a JSON line (T.emit); the mocha test asserts on them.

local T = dofile(os.getenv('KPO_E2E_NVIM_LIB'))
local doc = assert(os.getenv('KPO_DOC'), 'KPO_DOC not set')
local config = assert(os.getenv('KPO_NVIM_CONFIG'), 'KPO_NVIM_CONFIG not set')
local config_new = os.getenv('KPO_NVIM_CONFIG_NEW')

local function codes(diags)
  local out = {}
  for _, d in ipairs(diags) do
    out[#out + 1] = { code = d.code, line = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source }
  end
  return out
end

local function find_line(buf, pattern)
  for i, line in ipairs(T.lines(buf)) do
    local s = line:find(pattern, 1, true)
    if s then
      return i - 1, s - 1
    end
  end
  error('no line with ' .. pattern)
end

T.main(function()
  -- The newer (0.8+) variant of the documented setup must at least be valid Lua.
  if config_new then
    local chunk, err = loadfile(config_new)
    T.emit({ check = 'config 0.8 compiles', ok = chunk ~= nil, err = err })
  end

  -- Keep what the server publishes, for code action contexts (the documented setup has no handlers).
  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, cfg)
    if result and result.uri then
      T.raw_diagnostics[result.uri] = result.diagnostics or {}
    end
    return publish(err, result, ctx, cfg)
  end

  -- The documented configuration, then the proposal: its FileType autocommand starts the server.
  dofile(config)
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local buf = vim.api.nvim_get_current_buf()
  T.emit({ check = 'filetype', filetype = vim.bo[buf].filetype })
  local client = T.wait(function()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.initialized then
        return c
      end
    end
  end, 'the documented setup to start and attach the server')
  T.clients[#T.clients + 1] = client.id
  T.emit({ check = 'initialized', name = client.name, server = client.server_capabilities and client.server_capabilities.hoverProvider, omnifunc = vim.bo[buf].omnifunc })

  -- Diagnostics: the task mismatch and the non-preferred term.
  T.wait(function()
    local have = {}
    for _, d in ipairs(T.diagnostics(buf)) do
      have[d.code] = true
    end
    return have['kpo-bpo/task-mismatch'] and have['term/preferred']
  end, 'the task-mismatch and term diagnostics')
  T.emit({ check = 'diagnostics', items = codes(T.diagnostics(buf)) })

  -- Hover on "financial modeling" (line 3) and on KPO (the comparison).
  local line, col = find_line(buf, 'financial modeling')
  local text = T.hover(buf, line, col + 3)
  T.emit({ check = 'hover', text = text })
  local kline, kcol = find_line(buf, 'Our KPO desk')
  T.emit({ check = 'hover-kpo', text = T.hover(buf, kline, kcol + 5) })
  T.emit({ check = 'hover-plain', text = T.hover(buf, 0, 3) })

  -- Completion of a partly typed service name at the end of the last line.
  local last = #T.lines(buf) - 1
  T.set_lines(buf, last, last + 1, { 'Our analysts also deliver investment res' })
  local items = T.completion(buf, last, #'Our analysts also deliver investment res')
  local first = items[1] or {}
  T.emit({ check = 'completion', labels = vim.tbl_map(function(i) return i.label end, items), newText = first.textEdit and first.textEdit.newText, range = first.textEdit and first.textEdit.range })
  -- Apply it as the completion would.
  if first.textEdit then
    vim.lsp.util.apply_text_edits({ first.textEdit }, buf, client.offset_encoding or 'utf-16')
  end
  T.emit({ check = 'after completion', line = T.lines(buf)[last + 1] })

  -- The preferred quick fix of the task mismatch.
  local diags = T.wait_diagnostics(buf, 1)
  local task
  for _, d in ipairs(diags) do
    if d.code == 'kpo-bpo/task-mismatch' then
      task = d
    end
  end
  T.assert(task, 'no task-mismatch diagnostic')
  local actions = T.code_actions(buf, task.range)
  -- The writer picks the suggested switch (a suggestion: never marked preferred, never applied on save).
  local titles, chosen, preferred = {}, nil, 0
  for _, a in ipairs(actions) do
    titles[#titles + 1] = a.title
    if a.isPreferred then
      preferred = preferred + 1
    end
    if a.title:sub(1, #'Change') == 'Change' and not chosen then
      chosen = a
    end
  end
  T.emit({ check = 'code actions', titles = titles, preferred = preferred })
  T.apply_code_action(client, chosen)
  T.emit({ check = 'after fix', line = T.lines(buf)[task.lnum + 1] })

  -- The diagnostics follow the edit: the task mismatch goes away.
  T.wait(function()
    for _, d in ipairs(T.diagnostics(buf)) do
      if d.code == 'kpo-bpo/task-mismatch' then
        return false
      end
    end
    return true
  end, 'the task mismatch to disappear after the fix')
  T.emit({ check = 'diagnostics after fix', items = codes(T.diagnostics(buf)) })

  -- Saving applies source.fixAll.kpo-glossary (the documented BufWritePre autocommand).
  vim.cmd('write')
  local file = io.open(doc, 'r')
  local saved = file:read('*a')
  file:close()
  T.emit({ check = 'after save', lines = vim.split(saved, '\n', { plain = true }) })
end)
