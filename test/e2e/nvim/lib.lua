-- Helpers for driving a language server from headless Neovim 0.7.2 (Debian 12's `neovim`).
--
-- Load it from a test script (scripts/e2e/nvim.mjs sets KPO_E2E_NVIM_LIB to this file):
--
--   local T = dofile(os.getenv('KPO_E2E_NVIM_LIB'))
--   T.main(function()
--     local client = T.start({ cmd = { 'node', '/abs/server.js', '--stdio' }, root_dir = '/abs/ws' })
--     local buf = T.open('/abs/ws/proposal.md', client)          -- :edit + buf_attach_client
--     local diags = T.wait_diagnostics(buf, 1)                    -- vim.wait, bounded
--     T.emit({ check = 'diagnostics', count = #diags, first = diags[1] })
--     T.emit({ check = 'hover', text = T.hover(buf, 2, 4) })      -- 0-based line / character
--     T.emit({ check = 'completion', labels = T.completion_labels(buf, 3, 0) })
--     local actions = T.code_actions(buf, diags[1].range)
--     T.apply_code_action(client, actions[1])                     -- vim.lsp.util.apply_workspace_edit
--     T.emit({ check = 'after fix', lines = T.lines(buf) })
--   end)
--
-- Results are JSON lines on stdout (T.emit). T.main wraps the script in xpcall: on a Lua error it writes
-- {"event":"error",...} and ends Neovim with `cquit 1` (a Lua error otherwise leaves headless Neovim
-- running forever); on success it writes {"event":"done"}, stops the clients and quits with 0.
-- Every wait is bounded (T.wait_ms, default 10 s; KPO_E2E_NVIM_WAIT_MS overrides).
-- In 0.7 there is no vim.lsp.start: this uses vim.lsp.start_client + vim.lsp.buf_attach_client.

local M = {}

M.wait_ms = tonumber(os.getenv('KPO_E2E_NVIM_WAIT_MS') or '') or 10000
M.raw_diagnostics = {} -- uri -> LSP diagnostics as the server sent them (for codeAction contexts)
M.server_messages = {} -- window/logMessage and window/showMessage, in order
M.clients = {}

local function encode(v)
  if vim.json and vim.json.encode then
    return vim.json.encode(v)
  end
  return vim.fn.json_encode(v)
end
M.encode = encode

--- Writes one JSON line to stdout.
function M.emit(tbl)
  io.stdout:write(encode(tbl) .. '\n')
  io.stdout:flush()
end

--- Writes a human-readable line to stderr (not parsed by the runner).
function M.log(...)
  local parts = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    parts[#parts + 1] = type(v) == 'string' and v or vim.inspect(v)
  end
  io.stderr:write(table.concat(parts, ' ') .. '\n')
end

--- Waits (processing events) until cond() is truthy; errors with `what` after `ms`.
function M.wait(cond, what, ms)
  ms = ms or M.wait_ms
  local value
  local ok = vim.wait(ms, function()
    value = cond()
    return value and true or false
  end, 20)
  if not ok then
    error(string.format('timed out after %d ms waiting for %s', ms, what or 'a condition'), 2)
  end
  return value
end

function M.assert(cond, msg, ...)
  if not cond then
    error(select('#', ...) > 0 and string.format(msg, ...) or (msg or 'assertion failed'), 2)
  end
  return cond
end

--- Starts a language server (vim.lsp.start_client) and waits until it is initialized.
--- opts: cmd (table, required), root_dir, name, cmd_env, settings, init_options, handlers, capabilities.
function M.start(opts)
  assert(opts and opts.cmd, 'T.start needs opts.cmd')
  local handlers = vim.tbl_extend('force', {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri then
        M.raw_diagnostics[result.uri] = result.diagnostics or {}
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
    ['window/logMessage'] = function(_, result)
      M.server_messages[#M.server_messages + 1] = { kind = 'log', type = result.type, message = result.message }
    end,
    ['window/showMessage'] = function(_, result)
      M.server_messages[#M.server_messages + 1] = { kind = 'show', type = result.type, message = result.message }
    end,
  }, opts.handlers or {})
  local root = opts.root_dir or vim.loop.cwd()
  local id = vim.lsp.start_client({
    name = opts.name or 'e2e',
    cmd = opts.cmd,
    cmd_env = opts.cmd_env,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    settings = opts.settings,
    init_options = opts.init_options,
    capabilities = opts.capabilities,
    handlers = handlers,
    on_exit = function(code, signal)
      M.exited = { code = code, signal = signal }
    end,
  })
  M.assert(id, 'vim.lsp.start_client returned nil for %s', table.concat(opts.cmd, ' '))
  M.clients[#M.clients + 1] = id
  local client = M.wait(function()
    if M.exited then
      error(string.format('language server exited during initialize (code %s, signal %s)', tostring(M.exited.code), tostring(M.exited.signal)))
    end
    local c = vim.lsp.get_client_by_id(id)
    return c and c.initialized and c
  end, 'the language server to initialize', opts.init_timeout_ms)
  return client
end

--- Opens a file in a buffer, sets its filetype, attaches the client (sends didOpen). Returns bufnr.
function M.open(path, client, filetype)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  if filetype then
    vim.bo[buf].filetype = filetype
  end
  if client then
    M.assert(vim.lsp.buf_attach_client(buf, client.id), 'buf_attach_client failed for %s', path)
  end
  return buf
end

function M.uri(buf)
  return vim.uri_from_bufnr(buf)
end

function M.lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- Replaces lines [first, last) (0-based, end-exclusive; -1 = end). The client sends didChange itself.
function M.set_lines(buf, first, last, lines)
  vim.api.nvim_buf_set_lines(buf, first, last, false, lines)
end

--- Diagnostics of a buffer as vim.diagnostic has them, in a plain JSON-friendly shape plus `range`
--- (LSP, 0-based) and `lsp` (the server's own diagnostic, when it matches).
function M.diagnostics(buf)
  local out = {}
  local raw = M.raw_diagnostics[M.uri(buf)] or {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    local item = {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = code,
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    }
    for _, r in ipairs(raw) do
      if r.range.start.line == d.lnum and r.message == d.message then
        item.lsp = r
        item.range = r.range
        break
      end
    end
    out[#out + 1] = item
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

--- Waits until the buffer has at least `min` diagnostics (default 1); `min = 0` waits for the
--- server's (possibly empty) publishDiagnostics for this document. Returns M.diagnostics(buf).
function M.wait_diagnostics(buf, min, ms)
  min = min or 1
  M.wait(function()
    if min == 0 then
      return M.raw_diagnostics[M.uri(buf)] ~= nil
    end
    return #vim.diagnostic.get(buf) >= min
  end, string.format('%d diagnostic(s) in %s', min, vim.api.nvim_buf_get_name(buf)), ms)
  return M.diagnostics(buf)
end

--- Forgets what the server last published for buf (so that wait_diagnostics(buf, 0) waits for a new one).
function M.reset_diagnostics(buf)
  M.raw_diagnostics[M.uri(buf)] = nil
end

--- vim.lsp.buf_request_sync for one method; returns the first client's result (errors on timeout or error).
function M.request(buf, method, params, ms)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, ms or M.wait_ms)
  if not responses then
    error(string.format('%s: %s', method, tostring(err or 'no response (timeout)')), 2)
  end
  for _, r in pairs(responses) do
    if r.error then
      error(string.format('%s failed: %s', method, vim.inspect(r.error)), 2)
    end
    return r.result
  end
  return nil
end

local function position_params(buf, line, character)
  return { textDocument = { uri = M.uri(buf) }, position = { line = line, character = character } }
end

--- Plain text of a hover result (MarkupContent, MarkedString or a list of them); nil when no hover.
function M.hover_text(result)
  if not result or not result.contents then
    return nil
  end
  local c = result.contents
  local function one(x)
    if type(x) == 'string' then
      return x
    end
    return x.value or ''
  end
  if vim.tbl_islist(c) then
    local parts = {}
    for _, x in ipairs(c) do
      parts[#parts + 1] = one(x)
    end
    return table.concat(parts, '\n')
  end
  return one(c)
end

--- textDocument/hover at (line, character), 0-based. Returns the hover's text (or nil) and the raw result.
function M.hover(buf, line, character)
  local r = M.request(buf, 'textDocument/hover', position_params(buf, line, character))
  return M.hover_text(r), r
end

--- textDocument/completion at (line, character). Returns the items (a CompletionList is unwrapped).
function M.completion(buf, line, character)
  local r = M.request(buf, 'textDocument/completion', position_params(buf, line, character))
  if not r then
    return {}
  end
  return r.items or r
end

function M.completion_labels(buf, line, character)
  local labels = {}
  for _, item in ipairs(M.completion(buf, line, character)) do
    labels[#labels + 1] = item.label
  end
  return labels
end

--- textDocument/codeAction for an LSP range; the context carries the server's diagnostics that touch it.
function M.code_actions(buf, range, only)
  local diags = {}
  for _, d in ipairs(M.raw_diagnostics[M.uri(buf)] or {}) do
    local s, e = d.range.start, d.range['end']
    if not (e.line < range.start.line or s.line > range['end'].line) then
      diags[#diags + 1] = d
    end
  end
  local params = { textDocument = { uri = M.uri(buf) }, range = range, context = { diagnostics = diags, only = only } }
  return M.request(buf, 'textDocument/codeAction', params) or {}
end

--- Applies a code action: its edit (vim.lsp.util.apply_workspace_edit) and/or its command
--- (workspace/executeCommand). Returns true.
function M.apply_code_action(client, action)
  M.assert(action, 'no code action to apply')
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  end
  local cmd = type(action.command) == 'table' and action.command or (type(action.command) == 'string' and action or nil)
  if cmd then
    local r = client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, M.wait_ms)
    M.assert(r and not r.err, 'executeCommand %s failed: %s', cmd.command, vim.inspect(r and r.err))
  end
  return true
end

--- Stops every client started by M.start and waits (bounded) for them to exit.
function M.stop_clients(ms)
  if #M.clients == 0 then
    return
  end
  vim.lsp.stop_client(M.clients)
  vim.wait(ms or 2000, function()
    for _, id in ipairs(M.clients) do
      if vim.lsp.get_client_by_id(id) then
        return false
      end
    end
    return true
  end, 20)
  for _, id in ipairs(M.clients) do
    local c = vim.lsp.get_client_by_id(id)
    if c then
      c.stop(true) -- force
    end
  end
end

--- Runs fn under xpcall; quits Neovim with 0 on success, `cquit 1` on error (after emitting it).
--- A guard timer ends a script that still runs after opts.guard_ms (default 50 s) with `cquit 3`:
--- it can only fire while the script waits (vim.wait / requests), which every helper here does.
function M.main(fn, opts)
  opts = opts or {}
  local guard_ms = opts.guard_ms or tonumber(os.getenv('KPO_E2E_NVIM_GUARD_MS') or '') or 50000
  local timer = vim.loop.new_timer()
  timer:start(guard_ms, 0, vim.schedule_wrap(function()
    M.emit({ event = 'error', message = string.format('guard: script still running after %d ms', guard_ms) })
    vim.cmd('cquit 3')
  end))
  local t0 = vim.loop.hrtime()
  local ok, err = xpcall(fn, debug.traceback)
  timer:stop()
  timer:close()
  local ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  if ok then
    pcall(M.stop_clients)
    M.emit({ event = 'done', ok = true, ms = ms })
    vim.cmd('qall!')
  else
    M.emit({ event = 'error', message = tostring(err), ms = ms, server_messages = M.server_messages })
    io.stderr:write('lua error: ' .. tostring(err) .. '\n')
    pcall(M.stop_clients, 500)
    vim.cmd('cquit 1')
  end
end

return M
