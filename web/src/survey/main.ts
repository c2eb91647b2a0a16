import '../common/base.css';
document.getElementById('main')!.textContent = 'Survey';
