// The video queue shows who is waiting now: it reloads itself unless the operator is about to answer.
setInterval(() => {
  if (!document.querySelector('form:focus-within')) window.location.reload();
}, 20000);
