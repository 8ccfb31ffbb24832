// Development demo: embeds the widget for ?inbox=<id>, or for the first web chat inbox the API
// names (created on first use). A real site pastes the snippet from the inbox settings instead.
(async function () {
  const status = document.getElementById('demo-status');
  let inbox = new URLSearchParams(location.search).get('inbox');
  try {
    if (!inbox) {
      const res = await fetch('/api/widget-demo');
      if (!res.ok)
        throw new Error('the demo is only available in development (' + res.status + ')');
      inbox = (await res.json()).inboxId;
    }
    const script = document.createElement('script');
    script.async = true;
    script.src = '/widget/loader.js';
    script.setAttribute('data-inbox', inbox);
    document.body.appendChild(script);
    status.textContent = 'Chat embedded for inbox ' + inbox + '.';
  } catch (err) {
    status.textContent = 'Could not load the chat: ' + err.message;
  }
})();
