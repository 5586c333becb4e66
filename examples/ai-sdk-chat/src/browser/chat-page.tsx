import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

/** A plain `useChat` page, exactly as an AI SDK app has it: the backend is a Rivulet model behind `createHandler(model, { protocol: 'ai-sdk-ui' })`. */
function Chat() {
  const { messages, sendMessage, status, stop, error } = useChat({ transport: new DefaultChatTransport({ api: '/api/chat' }) });
  const [input, setInput] = useState('');
  return (
    <main>
      <h1>Chat (useChat → Rivulet)</h1>
      <ul id="messages">
        {messages.map((message) => (
          <li key={message.id} className={message.role}>
            {message.parts.map((part, index) => (part.type === 'text' ? <span key={index}>{part.text}</span> : null))}
          </li>
        ))}
      </ul>
      <p id="status">{status}</p>
      {error !== undefined && <p id="error">{error.message}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendMessage({ text: input });
          setInput('');
        }}
      >
        <input id="input" value={input} onChange={(event) => setInput(event.target.value)} placeholder="Ask about rivers" />
        <button id="send" type="submit" disabled={status === 'streaming' || status === 'submitted'}>
          Send
        </button>
        <button id="stop" type="button" onClick={() => void stop()}>
          Stop
        </button>
      </form>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Chat />);
