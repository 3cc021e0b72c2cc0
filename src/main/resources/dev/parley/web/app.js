// The Parley chat page: one more client of the line protocol (docs/protocol.md), over WebSocket.
// Every text from the server is shown with textContent, never as HTML. The page sends a line only
// when the user acts or a line from the server calls for it, never on a timer, so an open tab is
// idle like any other client. A password the server asks for is sent once and kept nowhere: not in
// the log, not in a variable, not in storage.
'use strict';

const log = document.getElementById('log');
const form = document.getElementById('say');
const input = document.getElementById('line');
const prompt = document.getElementById('prompt');
const me = document.getElementById('me');
const statusLine = document.getElementById('status');
const reconnectButton = document.getElementById('reconnect');
const roomLabel = document.getElementById('room');
const topicLine = document.getElementById('topic-line');
const topicLabel = document.getElementById('topic');
const roomList = document.getElementById('rooms');
const refreshButton = document.getElementById('refresh');
const memberList = document.getElementById('members');

// Closes after which trying again may help: abnormal (1006), going away (1001, a restart), an
// internal error (1011), a restart (1012), try again later (1013, server full).
const RETRYABLE = new Set([1001, 1006, 1011, 1012, 1013]);
// The answer to /whois NAME (docs/protocol.md section 13).
const WHOIS = /^\* (\S+) is in (\S+), (?:registered|a guest)(?:, operator of (\S+))?$/;

let socket = null;
let myName = sessionStorage.getItem('parley.name') || '';
let named = false;
let members = [];
let retryDelay = 1000;
let endedOnPurpose = false;
let autoRooms = 0;
// The account whose password the next line is, while the server asks for it; '' otherwise.
let passwordFor = '';
// Who the page saw become an operator of a room, by room: `* you are an operator of #ROOM`,
// `* NAME is now an operator of #ROOM` (and `is no longer`), and answers to /whois. A hint only:
// operators made before the page entered the room are not told to it; /whois NAME tells for sure.
const operators = new Map();

function show(text, kind) {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  append(item);
  return item;
}

function append(item) {
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

function startMessage(name) {
  input.value = '/msg ' + name + ' ';
  input.focus();
}

function setNamed(name) {
  endPassword();
  named = name !== '';
  me.textContent = named ? 'you are ' + name : '';
  prompt.textContent = named ? 'Message or /command' : 'Your name';
}

// The server asks for the password of a registered name: the input becomes a password field. What
// was typed in it before is dropped, so that no draft is sent as a password.
function askPassword(name) {
  passwordFor = name;
  input.value = '';
  input.type = 'password';
  prompt.textContent = 'Password for ' + name;
  input.focus();
}

// The input is a text field again, empty if it was a password field.
function endPassword() {
  if (input.type === 'password') {
    input.value = '';
  }
  input.type = 'text';
  passwordFor = '';
}

function setTopic(text) {
  topicLabel.textContent = text;
  topicLine.title = text;
  topicLine.hidden = text === '';
}

function operatorsOf(room) {
  if (!operators.has(room)) {
    operators.set(room, new Set());
  }
  return operators.get(room);
}

function setOperator(room, name, isOperator) {
  if (isOperator) {
    operatorsOf(room).add(name);
  } else {
    operatorsOf(room).delete(name);
  }
  renderMembers();
}

function renderMembers() {
  const ops = operators.get(roomLabel.textContent) || new Set();
  memberList.replaceChildren(...members.map(name => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    if (ops.has(name)) {
      const badge = document.createElement('span');
      badge.className = 'op';
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', 'operator');
      badge.title = 'operator';
      badge.textContent = '@';
      button.appendChild(badge);
    }
    button.append(name);
    button.dataset.name = name;
    button.title = 'send ' + name + ' a private message';
    button.addEventListener('click', () => startMessage(name));
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
    return true;
  }
  return false;
}

// Asks for the room list; its answer updates the list and is not shown in the log.
function refreshRooms() {
  if (named && send('/rooms')) {
    autoRooms++;
  }
}

// Someone came or went in this room: its count in the room list follows the member list here,
// without asking the server, so that only the user's own actions are activity.
function countOwnRoom() {
  const room = roomLabel.textContent;
  const entries = [...roomList.querySelectorAll('button')].map(b => b.textContent);
  const own = entries.findIndex(entry => entry.replace(/ \(\d+\)$/, '') === room);
  if (own >= 0) {
    entries[own] = room + ' (' + members.length + ')';
    renderRooms(entries);
  }
}

// A private line, `(private) NAME: TEXT` or `(private to NAME) ME: TEXT`, with the other party's
// name as a button that starts the answer.
function showPrivate(text) {
  const m = text.match(/^\(private( to (\S+))?\) (\S+?): /);
  if (!m) {
    return show(text, 'private');
  }
  const other = m[2] || m[3];
  const start = m[2] ? '(private to '.length : '(private) '.length;
  const item = document.createElement('li');
  item.className = 'private';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'reply';
  button.textContent = other;
  button.title = 'answer ' + other + ' privately';
  button.addEventListener('click', () => startMessage(other));
  item.append(text.slice(0, start), button, text.slice(start + other.length));
  append(item);
  return item;
}

// A notice (`* …`): some of them tell the page who is here and where it is. Returns whether to
// show it in the log.
function onNotice(text) {
  let m;
  if ((m = text.match(/^\* you are (\S+)$/))) {
    myName = m[1];
    sessionStorage.setItem('parley.name', myName);
    setNamed(myName);
    // A new session starts in the default room (set below), whatever room the last one was in.
    roomLabel.textContent = '';
    setTopic('');
    operators.clear();
    refreshRooms();
  } else if ((m = text.match(/^\* (\S+) is registered, what is its password\?$/))) {
    askPassword(m[1]);
  } else if ((m = text.match(/^\* online \(\d+\): (.*)$/))) {
    members = m[1].replace(/, … \(\d+ more\)$/, '').split(', ');
    renderMembers();
  } else if ((m = text.match(/^\* (\S+) has arrived$/))) {
    members.push(m[1]);
    renderMembers();
    countOwnRoom();
  } else if ((m = text.match(/^\* (\S+) has left/))) {
    members = members.filter(name => name !== m[1]);
    renderMembers();
    countOwnRoom();
  } else if ((m = text.match(/^\* (\S+) is now known as (\S+)$/))) {
    members = members.map(name => (name === m[1] ? m[2] : name));
    if (m[1] === myName) {
      myName = m[2];
      sessionStorage.setItem('parley.name', myName);
      setNamed(myName);
    }
    renderMembers();
  } else if ((m = text.match(/^\* now in (\S+)$/))) {
    // A move (after a kick from another room too): the session goes on. The topic is the new
    // room's, when its `* topic:` line comes; what the page saw of other rooms' operators is old.
    endedOnPurpose = false;
    roomLabel.textContent = m[1];
    setTopic('');
    for (const room of [...operators.keys()]) {
      if (room !== m[1]) {
        operators.delete(room);
      }
    }
    renderMembers();
    refreshRooms();
  } else if ((m = text.match(/^\* topic: (.*)$/))) {
    setTopic(m[1]);
  } else if ((m = text.match(/^\* topic of (\S+): (.*)$/))) {
    if (m[1] === roomLabel.textContent) {
      setTopic(m[2]);
    }
  } else if ((m = text.match(/^\* (#\S+) has no topic$/))) {
    if (m[1] === roomLabel.textContent) {
      setTopic('');
    }
  } else if ((m = text.match(/^\* (\S+) set the topic: (.*)$/))) {
    setTopic(m[2]);
  } else if ((m = text.match(/^\* (\S+) cleared the topic$/))) {
    setTopic('');
  } else if ((m = text.match(/^\* you are an operator of (\S+)$/))) {
    setOperator(m[1], myName, true);
  } else if ((m = text.match(/^\* (\S+) is now an operator of (\S+)$/))) {
    setOperator(m[2], m[1], true);
  } else if ((m = text.match(/^\* (\S+) is no longer an operator of (\S+)$/))) {
    setOperator(m[2], m[1], false);
  } else if ((m = text.match(WHOIS))) {
    // `* NAME is in #ROOM, registered, operator of #ROOM`, or without the operator part.
    setOperator(m[3] || m[2], m[1], Boolean(m[3]));
  } else if ((m = text.match(/^\* rooms \(\d+\): (.*)$/))) {
    renderRooms(m[1] ? m[1].split(', ') : []);
    if (autoRooms > 0) {
      autoRooms--;
      return false;
    }
  } else if (text === '* what is your name?' || text.startsWith('* welcome to ')) {
    setNamed('');
    if (text.startsWith('* welcome to ') && myName) {
      send(myName);
    }
  } else if (text === '* bye' || text.startsWith('* you were kicked: ')
      || text.startsWith('* disconnected: ')) {
    // The session ends here, unless a kick from another room is followed by `* now in` the default
    // room.
    endedOnPurpose = true;
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
    showPrivate(text);
  } else {
    show(text, text.startsWith(myName + ': ') ? 'chat mine' : 'chat');
  }
  if (!roomLabel.textContent && named) {
    roomLabel.textContent = '#lobby';
  }
}

function onClose(event) {
  autoRooms = 0;
  setNamed('');
  setTopic('');
  operators.clear();
  members = [];
  renderMembers();
  if (endedOnPurpose || !RETRYABLE.has(event.code)) {
    setStatus('disconnected', true);
    reconnectButton.hidden = false;
    return;
  }
  const seconds = Math.round(retryDelay / 1000);
  setStatus('reconnecting in ' + seconds + ' s…', true);
  setTimeout(connect, retryDelay);
  retryDelay = Math.min(30000, retryDelay * 2);
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  endedOnPurpose = false;
  reconnectButton.hidden = true;
  socket = new WebSocket(scheme + location.host + '/chat');
  setStatus('connecting…', false);
  socket.addEventListener('open', () => {
    retryDelay = 1000;
    setStatus('connected', false);
  });
  socket.addEventListener('message', event => onLine(String(event.data)));
  socket.addEventListener('close', onClose);
}

form.addEventListener('submit', event => {
  event.preventDefault();
  if (passwordFor) {
    // The password line: sent as typed, once, and then gone from the field; the field is a text
    // field again until the server asks once more (after `! wrong password for NAME` it asks for a
    // name).
    if (input.value !== '') {
      send(input.value);
      endPassword();
      prompt.textContent = 'Your name';
    }
    return;
  }
  const line = input.value;
  if (line === '' && named) {
    return;
  }
  if (!named) {
    myName = line.trim();
  }
  if (line.trim() === '/quit' || line.trim().startsWith('/quit ') || line.trim() === 'quit'
      || line.trim() === 'exit') {
    myName = '';
    sessionStorage.removeItem('parley.name');
  }
  send(line);
  input.value = '';
});

reconnectButton.addEventListener('click', () => {
  retryDelay = 1000;
  connect();
  input.focus();
});
refreshButton.addEventListener('click', refreshRooms);

connect();
