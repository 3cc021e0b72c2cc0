// The Parley chat page: one more client of the line protocol (docs/protocol.md), over WebSocket.
// Every text from the server is shown with textContent, never as HTML.
'use strict';

const log = document.getElementById('log');
const form = document.getElementById('say');
const input = document.getElementById('line');
const prompt = document.getElementById('prompt');
const statusLine = document.getElementById('status');
const roomLabel = document.getElementById('room');
const roomList = document.getElementById('rooms');
const memberList = document.getElementById('members');

let socket = null;
let myName = sessionStorage.getItem('parley.name') || '';
let named = false;
let members = [];
let retryDelay = 1000;
let roomsTimer = null;

function show(text, kind) {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.appendChild(item);
  if (atBottom) {
    log.scrollTop = log.scrollHeight;
  }
}

function setStatus(text, down) {
  statusLine.textContent = text;
  statusLine.classList.toggle('down', down);
}

function renderMembers() {
  memberList.replaceChildren(...members.map(name => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = name;
    button.title = 'send ' + name + ' a private message';
    button.addEventListener('click', () => { input.value = '/msg ' + name + ' '; input.focus(); });
    item.appendChild(button);
    return item;
  }));
}

function renderRooms(entries) {
  roomList.replaceChildren(...entries.map(entry => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = entry;
    button.dataset.room = entry.replace(/ \(\d+\)$/, '');
    button.addEventListener('click', () => send('/join ' + button.dataset.room));
    item.appendChild(button);
    return item;
  }));
}

function send(line) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(line);
  }
}

// A notice (`* …`): some of them tell the page who is here and where it is.
function onNotice(text) {
  let m;
  if ((m = text.match(/^\* you are (\S+)$/))) {
    myName = m[1];
    named = true;
    sessionStorage.setItem('parley.name', myName);
    prompt.textContent = myName;
    send('/rooms');
  } else if ((m = text.match(/^\* online \(\d+\): (.*)$/))) {
    members = m[1].replace(/, … \(\d+ more\)$/, '').split(', ');
    renderMembers();
  } else if ((m = text.match(/^\* (\S+) has arrived$/))) {
    members.push(m[1]);
    renderMembers();
  } else if ((m = text.match(/^\* (\S+) has left/))) {
    members = members.filter(name => name !== m[1]);
    renderMembers();
  } else if ((m = text.match(/^\* (\S+) is now known as (\S+)$/))) {
    members = members.map(name => (name === m[1] ? m[2] : name));
    if (m[1] === myName) {
      myName = m[2];
      sessionStorage.setItem('parley.name', myName);
      prompt.textContent = myName;
    }
    renderMembers();
  } else if ((m = text.match(/^\* now in (\S+)$/))) {
    roomLabel.textContent = m[1];
    send('/rooms');
  } else if ((m = text.match(/^\* rooms \(\d+\): (.*)$/))) {
    renderRooms(m[1] ? m[1].split(', ') : []);
    return false;
  } else if (text === '* what is your name?' || text.startsWith('* welcome to ')) {
    named = false;
    prompt.textContent = 'Your name';
    if (text.startsWith('* welcome to ') && myName) {
      send(myName);
    }
  }
  return true;
}

// One line from the server, by its kind (docs/protocol.md section 2).
function onLine(text) {
  if (text.startsWith('* ')) {
    if (onNotice(text)) {
      show(text, 'notice');
    }
  } else if (text.startsWith('! ')) {
    show(text, 'error');
    if (!named) {
      myName = '';
      sessionStorage.removeItem('parley.name');
    }
  } else if (text.startsWith('[')) {
    show(text, 'history');
  } else if (text.startsWith('(private')) {
    show(text, 'private');
  } else {
    show(text, text.startsWith(myName + ': ') ? 'chat mine' : 'chat');
  }
  if (!roomLabel.textContent && named) {
    roomLabel.textContent = '#lobby';
  }
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  socket = new WebSocket(scheme + location.host + '/chat');
  setStatus('connecting…', false);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    setStatus('connected', false);
    roomsTimer = setInterval(() => { if (named) { send('/rooms'); } }, 15000);
  });
  socket.addEventListener('message', event => onLine(String(event.data)));
  socket.addEventListener('close', event => {
    clearInterval(roomsTimer);
    named = false;
    members = [];
    renderMembers();
    if (event.code === 1000 && event.reason === '' && !myName) {
      setStatus('disconnected', true);
      return;
    }
    const seconds = Math.round(retryDelay / 1000);
    setStatus('reconnecting in ' + seconds + ' s…', true);
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(30000, retryDelay * 2);
  });
}

form.addEventListener('submit', event => {
  event.preventDefault();
  const line = input.value;
  if (line === '' && named) {
    return;
  }
  if (!named) {
    myName = line.trim();
  }
  if (line.trim() === '/quit' || line.trim() === 'quit' || line.trim() === 'exit') {
    myName = '';
    sessionStorage.removeItem('parley.name');
  }
  send(line);
  input.value = '';
});

connect();
