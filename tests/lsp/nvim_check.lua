-- Neovim, headless, as a real client of loopfuse lsp (run by
-- tests/e2e/nvim.sh): open LF_FILE, start `LF_TOOL lsp` on it, wait for
-- its diagnostics, ask for the code actions on the first hint, apply
-- the one that rewrites the file as loopfuse does with Neovim's own
-- workspace edit, write the buffer, and quit with status 0; on any
-- failure, print why and quit with status 1.
--
-- vim.lsp.start_client and buf_attach_client, not vim.lsp.start: they
-- are in every Neovim from 0.5 on (Debian 12 has 0.7).

local tool, file = os.getenv('LF_TOOL'), os.getenv('LF_FILE')
local timeout = 120000

local function finish(status, why)
  if why then
    io.stderr:write('nvim_check: ' .. why .. '\n')
  end
  vim.cmd((status == 0 and 'qall!' or 'cquit! ' .. status))
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  -- Write the buffer's bytes as they are: no end of line added.
  vim.opt_local.fixendofline = false
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'loopfuse',
    cmd = { tool, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
  })
  if not id or not vim.lsp.buf_attach_client(bufnr, id) then
    return finish(1, 'could not start loopfuse lsp')
  end
  local client = vim.lsp.get_client_by_id(id)

  local hint
  vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.severity == vim.diagnostic.severity.HINT then
        hint = d
      end
    end
    return hint ~= nil
  end, 20)
  if not hint then
    return finish(1, 'no hint from the server')
  end
  if not (hint.code or ''):match('^LF%d+$') or
     not hint.message:match('loop nests? can be') then
    return finish(1, 'unexpected hint: ' .. vim.inspect(hint))
  end

  local params = vim.lsp.util.make_given_range_params(
    { hint.lnum + 1, hint.col }, { hint.end_lnum + 1, hint.end_col },
    bufnr, client.offset_encoding)
  params.context = { diagnostics = {} }
  local reply = client.request_sync('textDocument/codeAction', params,
                                    timeout, bufnr)
  if not reply or reply.err or not reply.result then
    return finish(1, 'no code actions: ' .. vim.inspect(reply))
  end
  local action
  for _, a in ipairs(reply.result) do
    if #reply.result == 1 or a.title:match('^Fuse all') then
      action = a
    end
  end
  if not action or action.kind ~= 'refactor.rewrite' then
    return finish(1, 'no action to take: ' .. vim.inspect(reply.result))
  end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  vim.cmd('write')
  client.stop()
  finish(0)
end

local ok, err = pcall(run)
if not ok then
  finish(1, tostring(err))
end
